// The clerk's work list: every case the window handles, by stage, with counts that filter, a search
// by number, name or ID (an ID is looked up in a POST and never appears in the URL), and pages.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { listHref, Pager } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import { Card, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { WINDOW_STAGES } from "@/lib/domain/workflow/window-stages";
import { listWindowCases, windowApplicantOf, ZWindowCasesFilter } from "@/lib/server/applications/list-window-cases";
import { requireArea } from "@/lib/server/auth/current-actor";
import { searchWindowCasesAction } from "../actions";
import { dataLang } from "@/components/ui/data";
import { dataTag } from "@/components/ui/data";
import { BackLink } from "@/components/ui/back-link";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata() {
  return { title: (await getTranslations("office.windowCases"))("title") };
}

export default async function WindowCasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("window", "/office/window/cases");
  const sp = await searchParams;
  const filter = ZWindowCasesFilter.parse({ stage: one(sp.stage), q: one(sp.q), applicant: one(sp.applicant), after: one(sp.after) });
  const [t, ta, tc, format, list, applicant] = await Promise.all([
    getTranslations("office.windowCases"),
    getTranslations("application"),
    getTranslations("case"),
    getFormatter(),
    listWindowCases({ actor, filter }),
    filter.applicant ? windowApplicantOf({ actor, applicantId: filter.applicant }) : null,
  ]);
  const href = (extra: Record<string, string | undefined> = {}) => listHref("/office/window/cases", { stage: filter.stage, q: filter.q, applicant: filter.applicant, ...extra });
  const searching = Boolean(filter.q || filter.applicant);
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/office/window">{(await getTranslations("walkIn"))("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card title={t("search")}>
        <ActionForm
          action={searchWindowCasesAction}
          fields={filter.stage ? { stage: filter.stage } : {}}
          inputs={[{ name: "who", label: t("search"), kind: "text", hint: t("searchHint"), defaultValue: filter.q }]}
          label={t("submit")}
          testId="window-cases-search"
        />
        {searching && (
          <p className="mt-2 flex flex-wrap gap-x-4" data-testid="window-cases-searching">
            <span>{applicant ? t.rich("applicant", { name: applicant.name, id: applicant.maskedId, data: dataTag }) : filter.q ? t.rich("query", { q: filter.q, data: dataTag }) : null}</span>
            <Link href={href({ q: undefined, applicant: undefined })} className="text-blue-800 underline">
              {t("clear")}
            </Link>
          </p>
        )}
      </Card>
      <nav aria-label={t("stage")} className="flex flex-wrap gap-x-6 gap-y-1" data-testid="window-cases-counts">
        <Link href={href({ stage: undefined })} aria-current={!filter.stage ? "page" : undefined} className="text-blue-800 underline aria-[current=page]:font-bold">
          {t("counts.all", { n: list.total })}
        </Link>
        {WINDOW_STAGES.map((s) => (
          <Link key={s} href={href({ stage: s })} aria-current={filter.stage === s ? "page" : undefined} className="text-blue-800 underline aria-[current=page]:font-bold">
            {t("counts.stage", { stage: t(`stages.${s}`), n: list.counts[s] })}
          </Link>
        ))}
      </nav>
      {list.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="window-cases">
            <TableHead columns={[ta("number"), t("stage"), ta("item"), ta("applicant"), ta("channel"), ta("submittedAt")]} />
            <tbody>
              {list.rows.map((a) => (
                <tr key={a.id} className="border-b border-slate-200">
                  <td className="py-2 pr-3 font-mono">
                    <Link href={`/office/window/applications/${a.id}`} className="text-blue-800 underline">
                      {a.number}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{a.stage ? t(`stages.${a.stage}`) : ""}</td>
                  <td className="py-2 pr-3" {...dataLang(a.itemName)}>{a.itemName}</td>
                  <td className="py-2 pr-3" {...dataLang(a.applicantName)}>{a.applicantName}</td>
                  <td className="py-2 pr-3">{ta(`channels.${a.channel}`)}</td>
                  <td className="py-2 pr-3">{format.dateTime(a.submittedAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager href={(after) => href({ after })} after={filter.after} next={list.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} testId="window-cases-pager" />
    </div>
  );
}
