// Supervisor's home: the audit trail, read-only, newest first.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { TableHead } from "@/components/ui/table-head";

export default async function SupervisionPage() {
  const actor = await requireArea("supervision", "/office/supervision");
  const [t, format, events] = await Promise.all([getTranslations("office.supervision"), getFormatter(), listAuditEvents({ actor })]);
  return (
    <div className="flex flex-col gap-4" data-testid={actor.role === "DIRECTOR" ? "home-DIRECTOR-supervision" : "home-SUPERVISOR"}>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        {events.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <TableHead columns={[t("when"), t("who"), t("action"), t("entity")]} />
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                    <td className="py-2 pr-3">{e.actor ? `${e.actor.name}（${e.actor.loginId}）` : t("system")}</td>
                    <td className="py-2 pr-3 font-mono">{e.action}</td>
                    <td className="py-2 pr-3 font-mono">{`${e.entityType} ${e.entityId}`}</td>
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
