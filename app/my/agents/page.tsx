// 帮办代办: an enterprise sees who asked to act for it and confirms or revokes each; a person asks an
// enterprise for authority and sees what they hold (and may give it up).
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { ListTable } from "@/components/ui/list-table";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { listAuthorities } from "@/lib/server/agents/authorities";
import { requireArea } from "@/lib/server/auth/current-actor";
import { moveAuthorityAction, requestAuthorityAction } from "./actions";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("agents"))("title") };
}

export default async function AgentsPage() {
  const actor = await requireArea("my", "/my/agents");
  const [t, format, list] = await Promise.all([getTranslations("agents"), getFormatter(), listAuthorities({ actor })]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) : "—");
  return (
    <div className="flex flex-col gap-4" data-testid="agents-page">
      <BackLink href="/my">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t(list.as === "ENTERPRISE" ? "leadEnterprise" : "leadAgent")}</p>
      {list.as === null && <Notice kind="info">{t("notForSubAccounts")}</Notice>}
      {list.as === "AGENT" && (
        <Card title={t("request")}>
          <ActionForm
            action={requestAuthorityAction}
            fields={{}}
            inputs={[
              { name: "creditCode", kind: "text", label: t("creditCode") },
              { name: "scope", kind: "textarea", label: t("scope"), hint: t("scopeHint") },
            ]}
            label={t("requestSubmit")}
            done={t("requested")}
            testId="request-authority"
          />
        </Card>
      )}
      {list.as && (
        <ListTable caption={t(list.as === "ENTERPRISE" ? "agentsOfMine" : "enterprisesIActFor")} columns={[t(list.as === "ENTERPRISE" ? "agent" : "enterprise"), t("scope"), t("status"), t("dates"), t("actions")]} testId="authorities" empty={t("none")}>
          {list.rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top" data-testid={`authority-${list.as === "ENTERPRISE" ? r.agent : r.enterprise}`}>
              <td className="py-2 pr-3">
                <Data>{list.as === "ENTERPRISE" ? r.agent : r.enterprise}</Data>
                {r.bureauHelper && <span className="block text-xs text-slate-700">{t("bureauHelper")}</span>}
              </td>
              <td className="py-2 pr-3">
                <Data>{r.scope}</Data>
              </td>
              <td className="py-2 pr-3" data-testid="authority-status">
                {t(`statuses.${r.status}`)}
              </td>
              <td className="py-2 pr-3 text-xs">
                {t("requestedAt", { at: when(r.requestedAt) })}
                {r.confirmedAt && <span className="block">{t("confirmedAt", { at: when(r.confirmedAt) })}</span>}
                {r.revokedAt && <span className="block">{t("revokedAt", { at: when(r.revokedAt) })}</span>}
              </td>
              <td className="py-2 pr-3">
                <div className="flex flex-col gap-2">
                  {r.moves.map((m) => (
                    <ActionForm key={m} action={moveAuthorityAction} fields={{ authorityId: r.id, move: m }} label={t(`moves.${m}.${list.as}`)} variant={m === "CONFIRM" ? "primary" : "secondary"} testId={`authority-${m.toLowerCase()}`} />
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </div>
  );
}
