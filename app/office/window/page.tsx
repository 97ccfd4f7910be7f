// Window clerk's home: the intake queue (online and walk-in filings alike) and walk-in filing.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TableHead } from "@/components/ui/table-head";
import { Card, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { listIntakeQueue } from "@/lib/server/applications/intake";
import { requireArea } from "@/lib/server/auth/current-actor";
import { getCatalogueStats } from "@/lib/server/catalogue/get-catalogue-stats";

export default async function WindowPage() {
  const actor = await requireArea("window", "/office/window");
  const [t, ta, ti, format, stats, queue] = await Promise.all([
    getTranslations("office.window"),
    getTranslations("application"),
    getTranslations("issuing"),
    getFormatter(),
    getCatalogueStats(),
    listIntakeQueue({ actor }),
  ]);
  return (
    <div className="flex flex-col gap-4" data-testid="home-CLERK">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <p>
        <Link href="/office/window/walk-in" className="inline-block rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-dark">
          {t("walkIn")}
        </Link>
        <Link href="/office/window/issuing" className="ml-3 inline-block rounded border border-brand px-4 py-2 font-medium text-brand no-underline" data-testid="issuing-link">
          {ti("title")}
        </Link>
      </p>
      <Card title={t("queue")}>
        {queue.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="intake-queue">
              <TableHead columns={[ta("number"), ta("item"), ta("applicant"), ta("channel"), ta("materialsGiven"), ta("submittedAt")]} />
              <tbody>
                {queue.map((a) => (
                  <tr key={a.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3 font-mono">
                      <Link href={`/office/window/applications/${a.id}`} className="text-blue-800 underline">
                        {a.number}
                      </Link>
                      {a.resubmitted && <span className="ml-1 text-xs">（{t("resubmitted")}）</span>}
                    </td>
                    <td className="py-2 pr-3">{a.itemName}</td>
                    <td className="py-2 pr-3">{a.applicantName}</td>
                    <td className="py-2 pr-3">{ta(`channels.${a.channel}`)}</td>
                    <td className="py-2 pr-3">
                      {a.materialsGiven}/{a.materialsTotal}
                    </td>
                    <td className="py-2 pr-3">{a.submittedAt ? format.dateTime(a.submittedAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <p>{t("items", { count: stats.items, instant: stats.instant })}</p>
    </div>
  );
}
