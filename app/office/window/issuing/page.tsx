// The window's issuing queue (待发证): approved cases by decision date, with the art. 44 limit marked.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { DueMark } from "@/components/ui/due-mark";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { TableHead } from "@/components/ui/table-head";
import { GetSearchForm } from "@/components/ui/get-search-form";
import { listHref, Pager } from "@/components/ui/pager";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listIssuingQueue, ZIssuingQueueFilter } from "@/lib/server/certificates/list-issuing-queue";
import { dataLang } from "@/components/ui/data";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("issuing") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function IssuingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("window", "/office/window/issuing");
  const sp = await searchParams;
  const [t, ta, tc, queue] = await Promise.all([
    getTranslations("issuing"),
    getTranslations("application"),
    getTranslations("case"),
    listIssuingQueue({ actor, filter: ZIssuingQueueFilter.parse({ mark: one(sp.mark), q: one(sp.q), after: one(sp.after) }) }),
  ]);
  const rows = queue.rows;
  const f = queue.filter;
  const href = (extra: Record<string, string | undefined> = {}) => listHref("/office/window/issuing", { mark: f.mark, q: f.q, ...extra });
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <p className="mb-3 flex flex-wrap gap-x-6 gap-y-1" data-testid="issuing-counts">
          <Link href={href({ mark: undefined })} className="text-blue-800 underline">
            {t("counts.waiting", { n: queue.counts.waiting })}
          </Link>
          <Link href={href({ mark: "overdue" })} className="text-blue-800 underline">
            {tc("counts.overdue", { n: queue.counts.overdue })}
          </Link>
          <Link href={href({ mark: "soon" })} className="text-blue-800 underline">
            {tc("counts.soon", { n: queue.counts.soon })}
          </Link>
        </p>
        <div className="mb-3">
          <GetSearchForm name="q" label={tc("filter.number")} defaultValue={f.q} button={tc("filter.apply")} hidden={f.mark ? { mark: f.mark } : {}} />
        </div>
        {rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="issuing-queue">
              <TableHead columns={[tc("mark"), ta("number"), ta("item"), ta("applicant"), t("decidedOn"), t("due")]} />
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3">
                      <DueMark mark={r.mark} label={tc(`marks.${r.mark}`)} />
                    </td>
                    <td className="py-2 pr-3 font-mono">
                      <Link href={`/office/window/applications/${r.id}`} className="text-blue-800 underline">
                        {r.number}
                      </Link>
                      {r.feesUnpaid && (
                        <span className="ml-2 font-sans text-sm text-amber-900" data-testid={`awaiting-payment-${r.number}`}>
                          {t("awaitingPayment")}
                        </span>
                      )}
                    </td>
                    <td className="py-2 pr-3" {...dataLang(r.itemName)}>{r.itemName}</td>
                    <td className="py-2 pr-3" {...dataLang(r.applicantName)}>{r.applicantName}</td>
                    <td className="py-2 pr-3">{r.decidedOn}</td>
                    <td className="py-2 pr-3">
                      {r.due}
                      {r.provisional && <ProvisionalMark label={ta("provisional")} hint={ta("provisionalHint")} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager href={(after) => href({ after })} after={f.after} next={queue.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} testId="issuing-pager" />
      </Card>
    </div>
  );
}
