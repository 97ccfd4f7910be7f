// 一件事 in the back office: bundle filings not yet delivered, with how far each has come.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/notice";
import { Data } from "@/components/ui/data";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { ListTable } from "@/components/ui/list-table";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { listOpenBundleFilings } from "@/lib/server/bundles/get-bundle-filing";

export async function generateMetadata() {
  return { title: (await getTranslations("bundles"))("officeTitle") };
}

export default async function OfficeBundlesPage() {
  const actor = await requireSignedIn("/office/bundles");
  const [rows, t, format] = await Promise.all([orAccessPage(listOpenBundleFilings({ actor })), getTranslations("bundles"), getFormatter()]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("officeTitle")}</PageTitle>
      <p>{t("officeLead")}</p>
      <ListTable caption={t("officeTitle")} columns={[t("number"), t("bundle"), t("applicant"), t("submittedAt"), t("state")]} testId="office-bundles" empty={t("officeNone")}>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-2 pr-3 font-mono">
              <Link href={`/office/bundles/${r.id}`} className="text-blue-800 underline">
                {r.number ?? r.id}
              </Link>
            </td>
            <td className="py-2 pr-3">
              <Data>{r.bundle}</Data>
            </td>
            <td className="py-2 pr-3">
              <Data>{r.applicant}</Data>
            </td>
            <td className="py-2 pr-3">{r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) : "—"}</td>
            <td className="py-2 pr-3">{r.completedAt ? t("completedShort") : t("progress", { ended: r.progress.ended, items: r.progress.items })}</td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
