// 缴款与对账: payment notices the bureau issued (票款分离 — the money goes to the treasury through a
// bank, never through the bureau), the fiscal platform's confirmations, and each night's
// reconciliation with every mismatch raised; the administrator can reconcile a day again and records
// how each mismatch was closed (对账差错处理).
import { ScrollTable } from "@/components/ui/list-table";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { groupedCode } from "@/components/fees/payment-notice-card";
import { BackLink } from "@/components/ui/back-link";
import { Data, dataTag } from "@/components/ui/data";
import Link from "@/components/ui/link";
import { Card, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { fenToYuan } from "@/lib/domain/fees/fees";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listPayments, PAYMENT_STATE_FILTER } from "@/lib/server/fees/list-payments";
import { requestReconciliationAction, resolveMismatchAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("payments"))("adminTitle") };
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const { state } = await searchParams;
  const actor = await requireArea("admin", "/office/admin/payments");
  const [t, format, data] = await Promise.all([getTranslations("payments"), getFormatter(), listPayments({ actor, input: { state } })]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) : "—");
  return (
    <div className="flex flex-col gap-4" data-testid="payments-page">
      <BackLink href="/office/admin">{t("back")}</BackLink>
      <PageTitle>{t("adminTitle")}</PageTitle>
      <p>{t("adminLead")}</p>

      <Card title={t("reconciliation")}>
        <p className="mb-2 text-sm">{t("reconciliationLead")}</p>
        <ActionForm
          action={requestReconciliationAction}
          fields={{}}
          inputs={[{ name: "day", label: t("day"), kind: "text", defaultValue: toPlainDate(new Date()), hint: t("dayHint") }]}
          label={t("reconcile")}
          done={t("reconcileQueued")}
          testId="payments-reconcile"
        />
        {data.runs.length === 0 ? (
          <p className="mt-3">{t("noRuns")}</p>
        ) : (
          <div className="mt-3">
            <ScrollTable caption={t("runsCaption")} columns={[t("day"), t("bankRows"), t("bureauRows"), t("result"), t("runAt")]} testId="reconciliation-runs">
                {data.runs.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200 align-top" data-testid={`reconciliation-${r.day}`}>
                    <td className="py-2 pr-3">{r.day}</td>
                    <td className="py-2 pr-3">{r.bankRows}</td>
                    <td className="py-2 pr-3">{r.bureauRows}</td>
                    <td className="py-2 pr-3">
                      {r.mismatches.length === 0 ? (
                        <span className="text-green-800">{t("clean")}</span>
                      ) : (
                        <>
                          <strong className={r.open > 0 ? "text-red-800" : undefined}>
                            {t("mismatchCount", { n: r.mismatches.length })} · {r.open > 0 ? t("openCount", { n: r.open }) : t("allClosed")}
                          </strong>
                          <ul className="mt-1 flex flex-col gap-2">
                            {r.mismatches.map((m) => (
                              <li key={`${m.code}-${m.kind}`} data-testid="mismatch">
                                <span className="font-mono">{m.code}</span> · {t(`mismatch.${m.kind}`)}
                                {m.bureauFen !== undefined && ` · ${t("bureauSays", { amount: fenToYuan(m.bureauFen) })}`}
                                {m.bankFen !== undefined && ` · ${t("bankSays", { amount: fenToYuan(m.bankFen) })}`}
                                {m.closed ? (
                                  <span className="block text-green-800" data-testid="mismatch-closed">
                                    {t.rich("closedBy", { resolution: t(`resolutions.${m.closed.resolution}`), name: m.closed.by, at: when(m.closed.at), data: dataTag })}
                                    <span className="block">
                                      <Data>{m.closed.note}</Data>
                                    </span>
                                  </span>
                                ) : (
                                  <details className="mt-1">
                                    <summary className="cursor-pointer text-blue-800 underline">{t("resolve")}</summary>
                                    <ActionForm
                                      action={resolveMismatchAction}
                                      fields={{ day: r.day, code: m.code, kind: m.kind }}
                                      select={{ name: "resolution", label: t("resolution"), options: [{ value: "", label: t("choose") }, ...m.ways.map((w) => ({ value: w, label: t(`resolutions.${w}`) }))] }}
                                      inputs={[{ name: "note", label: t("note"), kind: "textarea", hint: t("noteHint") }]}
                                      label={t("close")}
                                      done={t("closed")}
                                      testId={`resolve-${r.day}-${m.code}-${m.kind}`}
                                    />
                                  </details>
                                )}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                    <td className="py-2 pr-3">{when(r.at)}</td>
                  </tr>
                ))}
              </ScrollTable>
          </div>
        )}
      </Card>

      <Card title={t("notices")}>
        <p className="mb-2 text-sm">
          {data.counts.length === 0
            ? t("noNotices")
            : data.counts.map((c) => t("countLine", { state: t(`states.${c.state}`), n: c.count, amount: fenToYuan(c.amountFen) })).join(t("listSeparator"))}
        </p>
        <nav aria-label={t("filter")} className="mb-2 flex flex-wrap gap-3 text-sm">
          {PAYMENT_STATE_FILTER.map((s) => (
            <Link key={s} href={s === "ALL" ? "/office/admin/payments" : `/office/admin/payments?state=${s}`} className={s === data.state ? "font-bold" : "text-blue-800 underline"} aria-current={s === data.state ? "page" : undefined}>
              {s === "ALL" ? t("all") : t(`states.${s}`)}
            </Link>
          ))}
        </nav>
        <ScrollTable caption={t("noticesCaption")} columns={[t("code"), t("application"), t("amount"), t("state"), t("issuedAt"), t("registered"), t("paidAt")]} testId="payment-notices">
              {data.notices.map((n) => (
                <tr key={n.id} className="border-b border-slate-200 align-top" data-testid={`notice-${n.code}`}>
                  <td className="py-2 pr-3 font-mono">{groupedCode(n.code)}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/office/cases/${n.application.id}`} className="text-blue-800 underline">
                      {n.application.number}
                    </Link>{" "}
                    <Data>{n.application.itemVersion.name}</Data>
                  </td>
                  <td className="py-2 pr-3">{fenToYuan(n.amountFen)}</td>
                  <td className="py-2 pr-3">
                    {t(`states.${n.state}`)}
                    {n.confirmedBy && ` · ${t(`confirmedBy.${n.confirmedBy}`)}`}
                  </td>
                  <td className="py-2 pr-3">{when(n.createdAt)}</td>
                  <td className="py-2 pr-3">{n.registeredAt ? t("yes") : t("notYet")}</td>
                  <td className="py-2 pr-3">
                    {when(n.paidAt)}
                    {n.bankRef && (
                      <>
                        {" · "}
                        <Data>{n.bankRef}</Data>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </ScrollTable>
      </Card>
    </div>
  );
}
