// 审管分离: one former department's webhooks — its subscriptions (create: the secret shown once;
// deactivate), its latest events with each delivery's state, attempts and last error, the attempt log
// of every delivery, and replaying an ended delivery.
import { ScrollTable } from "@/components/ui/list-table";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { BackLink } from "@/components/ui/back-link";
import { Data } from "@/components/ui/data";
import { Card, PageTitle } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { isAppError } from "@/lib/errors";
import { requireArea } from "@/lib/server/auth/current-actor";
import { getDepartmentWebhooks, RECENT_EVENTS } from "@/lib/server/departments/get-department-webhooks";
import { createSubscriptionAction, deactivateSubscriptionAction, replayDeliveryAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("departments"))("title") };
}

const typeKey = (type: string) => `types.${type.replace(".", "_")}`;
const STATE_STYLE = { PENDING: "text-slate-800", DELIVERED: "text-green-800", FAILED: "font-semibold text-red-800" } as const;

export default async function DepartmentWebhooksPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireArea("admin", `/office/admin/departments/${id}`);
  const view = await getDepartmentWebhooks({ actor, departmentId: id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [t, format] = await Promise.all([getTranslations("departments"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium", timeZone: BUREAU_TIME_ZONE });
  const typeLabel = (type: string) => (t.has(typeKey(type)) ? t(typeKey(type)) : type);
  return (
    <div className="flex flex-col gap-4" data-testid="department-page">
      <BackLink href="/office/admin/departments">{t("backToList")}</BackLink>
      <PageTitle>
        <Data>{view.department.name}</Data> <span className="font-mono text-base">{view.department.code}</span>
      </PageTitle>

      <Card title={t("subscriptionsTitle")}>
        {view.subscriptions.length === 0 ? (
          <p>{t("noSubscriptions")}</p>
        ) : (
          <ScrollTable caption={t("subscriptionsCaption")} columns={[t("url"), t("eventTypes"), t("status"), t("created"), t("change")]} testId="subscriptions">
                {view.subscriptions.map((s) => (
                  <tr key={s.id} className="border-b border-slate-200 align-top" data-testid={`subscription-${s.id}`}>
                    <td className="py-2 pr-3 font-mono break-all">{s.url}</td>
                    <td className="py-2 pr-3">{s.events.length === 0 ? t("allTypes") : s.events.map(typeLabel).join(", ")}</td>
                    <td className="py-2 pr-3">{s.active ? t("active") : t("inactive", { date: s.revokedAt ? when(s.revokedAt) : "" })}</td>
                    <td className="py-2 pr-3">{when(s.createdAt)}</td>
                    <td className="py-2 pr-3">
                      {s.active && <ActionForm action={deactivateSubscriptionAction} fields={{ subscriptionId: s.id }} label={t("deactivate")} done={t("deactivated")} variant="secondary" testId={`deactivate-${s.id}`} />}
                    </td>
                  </tr>
                ))}
              </ScrollTable>
        )}
      </Card>

      <Card title={t("create")}>
        <p className="mb-2 text-sm">{t("createLead")}</p>
        <ActionForm
          action={createSubscriptionAction}
          fields={{ departmentId: view.department.id }}
          label={t("createSubmit")}
          inputs={[
            { name: "url", kind: "text", label: t("url"), hint: t("urlHint") },
            ...view.eventTypes.map((type) => ({ name: `event.${type}`, kind: "checkbox" as const, label: typeLabel(type) })),
          ]}
          testId="create-subscription"
        />
      </Card>

      <Card title={t("recentTitle")}>
        <p className="mb-2 text-sm">{t("recentLead", { n: RECENT_EVENTS })}</p>
        {view.events.length === 0 ? (
          <p>{t("noEvents")}</p>
        ) : (
          <ScrollTable caption={t("eventsCaption")} columns={[t("occurredAt"), t("type"), t("application"), t("deliveries")]} testId="department-events">
                {view.events.map((e) => (
                  <tr key={e.id} className="border-b border-slate-200 align-top" data-testid={`event-${e.publicId}`}>
                    <td className="py-2 pr-3 whitespace-nowrap">{when(e.occurredAt)}</td>
                    <td className="py-2 pr-3">{typeLabel(e.type)}</td>
                    <td className="py-2 pr-3">
                      <span className="font-mono">{e.applicationNumber ?? "—"}</span>
                      <br />
                      <Data>{e.itemName}</Data>
                    </td>
                    <td className="py-2 pr-3">
                      {e.deliveries.length === 0 ? (
                        t("noDeliveries")
                      ) : (
                        <ul className="flex flex-col gap-3">
                          {e.deliveries.map((d) => (
                            <li key={d.id} data-testid={`delivery-${d.id}`} data-state={d.state}>
                              <span className="font-mono break-all">{d.subscription.url}</span>
                              <br />
                              <span className={STATE_STYLE[d.state]} data-testid={`delivery-state-${d.id}`}>
                                {t(`states.${d.state}`)}
                              </span>
                              {" · "}
                              {t("attempts", { n: d.attempts })}
                              {d.lastStatus !== null && <> · {t("lastStatus", { status: String(d.lastStatus) })}</>}
                              {d.lastError && (
                                <span className="block font-mono text-xs break-all text-red-900">
                                  <Data>{d.lastError}</Data>
                                </span>
                              )}
                              {d.log.length > 0 && (
                                <details className="mt-1">
                                  <summary className="cursor-pointer text-blue-800 underline">{t("log")}</summary>
                                  <table className="mt-1 border-collapse text-left text-xs" data-testid={`attempts-${d.id}`}>
                                    <caption className="sr-only">{t("logCaption")}</caption>
                                    <TableHead columns={[t("at"), t("answer"), t("error"), t("duration")]} />
                                    <tbody>
                                      {d.log.map((a) => (
                                        <tr key={a.id} className="border-b border-slate-100">
                                          <td className="py-1 pr-2 whitespace-nowrap">{when(a.at)}</td>
                                          <td className="py-1 pr-2">{a.status ?? t("noAnswer")}</td>
                                          <td className="py-1 pr-2 font-mono break-all">{a.error ? <Data>{a.error}</Data> : "—"}</td>
                                          <td className="py-1 pr-2">{t("ms", { n: a.durationMs })}</td>
                                        </tr>
                                      ))}
                                    </tbody>
                                  </table>
                                </details>
                              )}
                              {d.mayReplay && (
                                <div className="mt-1">
                                  <ActionForm action={replayDeliveryAction} fields={{ deliveryId: d.id }} label={t("replay")} done={t("replayed")} variant="secondary" testId={`replay-${d.id}`} />
                                </div>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </ScrollTable>
        )}
      </Card>
    </div>
  );
}
