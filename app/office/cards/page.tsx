// 预警与督办: the cards on the clocks of cases — every open card for supervisors and the director,
// one's own for everyone else — with the supervision notice (督办) to issue or to answer, as the
// domain's cardActions allows. Closed cards stay readable with their answers.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { CaseCell } from "@/components/cases/case-cell";
import { Data } from "@/components/ui/data";
import { DueMark } from "@/components/ui/due-mark";
import { PageTitle } from "@/components/ui/notice";
import { listHref, Pager } from "@/components/ui/pager";
import { ListTable } from "@/components/ui/list-table";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { can } from "@/lib/domain/access/permissions";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCards, ZCardsFilter } from "@/lib/server/cards/list-cards";
import { answerSupervisionNoticeAction, issueSupervisionNoticeAction } from "./actions";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata() {
  return { title: (await getTranslations("cards"))("title") };
}

export default async function CardsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("cards", "/office/cards");
  const sp = await searchParams;
  const filter = ZCardsFilter.parse({ colour: one(sp.colour), kind: one(sp.kind), closed: one(sp.closed), after: one(sp.after) });
  const [t, tc, format, list] = await Promise.all([getTranslations("cards"), getTranslations("case"), getFormatter(), listCards({ actor, filter })]);
  const href = (over: Record<string, string | undefined>) => listHref("/office/cards", { colour: filter.colour, kind: filter.kind, closed: filter.closed, ...over });
  const tabs = [
    { key: "all", label: t("counts.all", { n: list.counts.all }), href: href({ colour: undefined, after: undefined }), current: !filter.colour },
    { key: "RED", label: t("counts.red", { n: list.counts.red }), href: href({ colour: "RED", after: undefined }), current: filter.colour === "RED" },
    { key: "YELLOW", label: t("counts.yellow", { n: list.counts.yellow }), href: href({ colour: "YELLOW", after: undefined }), current: filter.colour === "YELLOW" },
  ];
  return (
    <div className="flex flex-col gap-4" data-testid="cards-page">
      <PageTitle>{t("title")}</PageTitle>
      <p>{list.supervises ? t("leadSupervisor") : t("leadStaff")}</p>
      {can(actor.role, "commitments:check") && (
        <p>
          <Link href="/office/commitments" className="text-blue-800 underline" data-testid="post-checks-link">
            {t("postChecksLink")}
          </Link>
        </p>
      )}
      {can(actor.role, "ratings:read") && (
        <p>
          <Link href="/office/ratings" className="text-blue-800 underline" data-testid="follow-ups-link">
            {t("followUpsLink")}
          </Link>
        </p>
      )}
      <nav aria-label={t("filters")} className="flex flex-wrap gap-4">
        {tabs.map((tab) => (
          <Link key={tab.key} href={tab.href} className="text-blue-800 underline" aria-current={tab.current ? "true" : undefined} data-testid={`cards-tab-${tab.key}`}>
            {tab.label}
          </Link>
        ))}
        <Link href={href({ closed: filter.closed ? undefined : "1", after: undefined })} className="text-blue-800 underline">
          {filter.closed ? t("showOpen") : t("showClosed")}
        </Link>
      </nav>
      <ListTable caption={t("title")} columns={[t("columns.card"), t("columns.case"), t("columns.due"), t("columns.responsible"), t("columns.raised"), t("columns.notice")]} testId="cards" empty={filter.closed ? t("emptyClosed") : t("empty")} emptyTestId="cards-empty">
        {list.rows.map((c) => (
          <tr key={c.id} className="border-b border-slate-200 align-top" data-testid={`card-${c.number}-${c.kind}`}>
            <td className="py-2 pr-3">
              <DueMark mark={c.colour === "RED" ? "overdue" : "soon"} label={t(`colours.${c.colour}`)} />
              <span className="mt-1 block">{t(`kinds.${c.kind}`)}</span>
            </td>
            <CaseCell id={c.applicationId} number={c.number} itemName={c.itemName} />
            <td className="py-2 pr-3">{format.dateTime(new Date(`${c.dueOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</td>
            <td className="py-2 pr-3">{c.responsibleName ? <Data>{c.responsibleName}</Data> : t("sectionChief")}</td>
            <td className="py-2 pr-3">{format.dateTime(c.raisedAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}</td>
            <td className="py-2 pr-3">
              {c.noticeText && (
                <p className="mb-2">
                  <span className="font-medium">{t("noticePending")}</span> <Data>{c.noticeText}</Data>
                </p>
              )}
              {c.lastAnswer && (
                <p className="mb-2">
                  <span className="font-medium">{t("answered")}</span> <Data>{c.lastAnswer}</Data>
                </p>
              )}
              {c.actions.includes("ISSUE_NOTICE") && (
                <ActionForm
                  action={issueSupervisionNoticeAction}
                  fields={{ cardId: c.id }}
                  label={t("issue")}
                  inputs={[{ name: "text", label: t("noticeText"), kind: "textarea" }]}
                  testId={`issue-notice-${c.number}-${c.kind}`}
                  variant="secondary"
                />
              )}
              {c.actions.includes("ANSWER_NOTICE") && c.noticeId && (
                <ActionForm
                  action={answerSupervisionNoticeAction}
                  fields={{ noticeId: c.noticeId }}
                  label={t("answer")}
                  inputs={[{ name: "answer", label: t("answerText"), kind: "textarea" }]}
                  testId={`answer-notice-${c.number}-${c.kind}`}
                />
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager href={(after) => href({ after })} after={filter.after} next={list.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} />
    </div>
  );
}
