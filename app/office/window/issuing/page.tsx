// The window's issuing queue (待发证): approved cases by decision date, with the art. 44 limit marked.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { DueMark } from "@/components/ui/due-mark";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { TableHead } from "@/components/ui/table-head";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listIssuingQueue } from "@/lib/server/certificates/list-issuing-queue";

export const metadata = { title: "待发证" };

export default async function IssuingPage() {
  const actor = await requireArea("window", "/office/window/issuing");
  const [t, ta, tc, rows] = await Promise.all([getTranslations("issuing"), getTranslations("application"), getTranslations("case"), listIssuingQueue({ actor })]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
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
                    </td>
                    <td className="py-2 pr-3">{r.itemName}</td>
                    <td className="py-2 pr-3">{r.applicantName}</td>
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
      </Card>
    </div>
  );
}
