// A queue of cases by nearest due date, with red (overdue) and yellow (due soon) marks; the mark
// is written out too, so it does not rely on colour alone.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DueDate } from "@/components/ui/due-date";
import { DueMark } from "@/components/ui/due-mark";
import { TableHead } from "@/components/ui/table-head";
import type { CaseQueueRow } from "@/lib/server/cases/list-case-queue";

export async function CaseQueue({ rows, testId }: { rows: CaseQueueRow[]; testId: string }) {
  const [t, ta, tk] = await Promise.all([getTranslations("case"), getTranslations("application"), getTranslations("kinds")]);
  if (rows.length === 0) return <p>{t("queueEmpty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        <TableHead columns={[t("mark"), ta("number"), ta("item"), ta("applicant"), ta("state"), ta("promisedDue"), ta("statutoryDue")]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <td className="py-2 pr-3">
                <DueMark mark={r.mark} label={t(`marks.${r.mark}`)} />
              </td>
              <td className="py-2 pr-3 font-mono">
                <Link href={`/office/cases/${r.id}`} className="text-blue-800 underline">
                  {r.number}
                </Link>
              </td>
              <td className="py-2 pr-3">
                {r.itemName}
                <span className="text-slate-700">（{tk(r.kind)}）</span>
              </td>
              <td className="py-2 pr-3">{r.applicantName}</td>
              <td className="py-2 pr-3">{ta(`states.${r.state}`)}</td>
              <td className="py-2 pr-3">
                <DueDate date={r.promisedDue} provisional={r.provisional.promisedDue} />
              </td>
              <td className="py-2 pr-3">
                <DueDate date={r.statutoryDue} provisional={r.provisional.statutoryDue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
