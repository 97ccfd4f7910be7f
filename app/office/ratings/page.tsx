// 差评整改: the bad ratings the section must follow up — verify with the applicant, put right or
// explain, reply — soonest due first, marked yellow or red on the bureau calendar.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { CaseCell } from "@/components/cases/case-cell";
import { Data } from "@/components/ui/data";
import { DueMark } from "@/components/ui/due-mark";
import { PageTitle } from "@/components/ui/notice";
import { ListTable } from "@/components/ui/list-table";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { FOLLOW_UP_VIEWS, listFollowUps, ZFollowUpsFilter } from "@/lib/server/ratings/list-follow-ups";
import { answerFollowUpAction, appealRatingAction, decideRatingAppealAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("followUps"))("title") };
}

export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSignedIn("/office/ratings");
  const sp = await searchParams;
  const filter = ZFollowUpsFilter.parse({ view: typeof sp.view === "string" ? sp.view : undefined });
  const [t, tr, format, list] = await Promise.all([getTranslations("followUps"), getTranslations("ratings"), getFormatter(), orAccessPage(listFollowUps({ actor, filter }))]);
  return (
    <div className="flex flex-col gap-4" data-testid="follow-ups-page">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <nav aria-label={t("views")} className="flex flex-wrap gap-4">
        {FOLLOW_UP_VIEWS.map((v) => (
          <Link key={v} href={v === "open" ? "/office/ratings" : `/office/ratings?view=${v}`} className="text-blue-800 underline" aria-current={filter.view === v ? "true" : undefined} data-testid={`follow-ups-view-${v}`}>
            {t(`viewNames.${v}`)}
          </Link>
        ))}
      </nav>
      <ListTable caption={t("title")} columns={[t("columns.case"), t("columns.rating"), t("columns.due"), t("columns.answer")]} testId="follow-ups" empty={t("empty")}>
        {list.rows.map((f) => (
          <tr key={f.id} className="border-b border-slate-200 align-top" data-testid={`follow-up-${f.number}`}>
            <CaseCell id={f.applicationId} number={f.number} itemName={f.itemName} />
            <td className="py-2 pr-3">
              {tr(`levels.${f.level}`)} · {format.dateTime(f.ratedAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}
              {f.comment && (
                <span className="block">
                  <Data>{f.comment}</Data>
                </span>
              )}
            </td>
            <td className="py-2 pr-3">
              {f.mark !== "ok" && <DueMark mark={f.mark} label={t(`marks.${f.mark}`)} />} <span className="block">{f.dueOn}</span>
            </td>
            <td className="py-2 pr-3">
              {f.answer && <Data>{f.answer}</Data>}
              {f.appealReason && (
                <span className="block" data-testid={`appeal-${f.number}`}>
                  {f.appealUpheld === null ? t("appealPending") : f.appealUpheld ? t("appealUpheld") : t("appealDismissed")} <Data>{f.appealReason}</Data>
                </span>
              )}
              {f.appealActions.includes("APPEAL") && (
                <ActionForm action={appealRatingAction} fields={{ ratingId: f.ratingId }} label={t("appeal")} variant="secondary" inputs={[{ name: "reason", kind: "textarea", label: t("appealReason"), hint: t("appealHint") }]} testId={`appeal-rating-${f.number}`} />
              )}
              {f.appealActions.includes("DECIDE_APPEAL") && (
                <ActionForm
                  action={decideRatingAppealAction}
                  fields={{ ratingId: f.ratingId }}
                  label={t("decide")}
                  select={{ name: "uphold", label: t("decision"), options: [{ value: "", label: t("chooseDecision") }, { value: "yes", label: t("uphold") }, { value: "no", label: t("dismiss") }] }}
                  testId={`decide-appeal-${f.number}`}
                />
              )}
              {f.mayAnswer && (
                <ActionForm
                  action={answerFollowUpAction}
                  fields={{ followUpId: f.id }}
                  label={t("submit")}
                  inputs={[
                    { name: "verified", kind: "checkbox", label: t("verified") },
                    { name: "answer", kind: "textarea", label: t("answer") },
                  ]}
                  testId={`answer-follow-up-${f.number}`}
                />
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
