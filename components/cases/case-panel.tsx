// The back office's view of a case: both due dates and the clock ledger, review opinions, the
// decision (with the delegation it was made under), and the actions this actor may take now —
// exactly those the transition table offers (file.actions), never a state or role compared here.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { DueDate } from "@/components/ui/due-date";
import { DueMark } from "@/components/ui/due-mark";
import { Card, Notice } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { CertificateCard } from "./certificate-card";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { DELIVERY_METHODS } from "@/lib/domain/certificates/certificate-actions";
import { fenToYuan } from "@/lib/domain/fees/fees";
import { SUSPENSION_REASONS } from "@/lib/domain/clock/clock-ledger";
import type { WorkflowAction } from "@/lib/domain/workflow/application-workflow";
import type { ActionOffer } from "@/lib/domain/workflow/available-actions";
import type { CaseFile } from "@/lib/server/cases/get-case-file";
import { Data, dataLang, dataTag } from "@/components/ui/data";

export type CaseActions = Record<"review" | "decide" | "escalate" | "forward" | "reply" | "suspend" | "resume" | "survey" | "extend" | "issue" | "endCertificate" | "replaceCertificate" | "recordDelivery", FormAction>;

type T = (key: string, values?: Record<string, string | number>) => string;

export async function CasePanel({ file, actions }: { file: CaseFile; actions: CaseActions }) {
  const [t, tc, format] = await Promise.all([getTranslations("case"), getTranslations("cards"), getFormatter()]);
  const suspended = file.clock?.suspended ?? false;
  return (
    <div className="flex flex-col gap-4" data-testid="case-panel">
      {file.cards.length > 0 && (
        <Card title={tc("title")}>
          <ul className="flex flex-col gap-2" data-testid="case-cards">
            {file.cards.map((c) => (
              <li key={c.id}>
                <DueMark mark={c.colour === "RED" ? "overdue" : "soon"} label={tc(`colours.${c.colour}`)} /> {tc(`kinds.${c.kind}`)} ·{" "}
                {tc("caseLine", { due: c.dueOn ?? "", raised: format.dateTime(c.raisedAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) })}
                {c.responsible && (
                  <>
                    {" · "}
                    {tc.rich("responsibleIs", { name: c.responsible, data: dataTag })}
                  </>
                )}
                {c.closedAt && <> · {tc("closed")}</>}
                {c.notices.map((n, i) => (
                  <p key={i} className="ml-4 text-sm">
                    <span className="font-medium">{tc("noticePending")}</span> <Data>{n.text}</Data>
                    {n.answer && (
                      <>
                        {" "}
                        <span className="font-medium">{tc("answered")}</span> <Data>{n.answer}</Data>
                      </>
                    )}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {file.clock && (
        <Card title={t("clock")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="case-clock">
            <dt>{t("promisedDue")}</dt>
            <dd>
              <DueDate date={file.clock.promisedDue} provisional={file.provisional.promisedDue} testId="case-promised-due" />
            </dd>
            <dt>{t("statutoryDue")}</dt>
            <dd>
              <DueDate date={file.clock.statutoryDue} provisional={file.provisional.statutoryDue} testId="case-statutory-due" />
            </dd>
            <dt>{t("suspendedDays")}</dt>
            <dd>{t("days", { n: file.clock.suspendedWorkingDays })}</dd>
            <dt>{t("extensionDays")}</dt>
            <dd>{t("days", { n: file.clock.extensionDays })}</dd>
          </dl>
          {suspended && (
            <div className="mt-2">
              <Notice kind="info">{t("suspendedNow")}</Notice>
            </div>
          )}
          {file.ledger.length > 0 && (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm" data-testid="clock-ledger">
                <caption className="mb-1 text-left font-semibold">{t("ledger")}</caption>
                <TableHead columns={[t("entryKind"), t("entryReason"), t("from"), t("to"), t("orderedBy"), t("note")]} />
                <tbody>
                  {file.ledger.map((e) => (
                    <tr key={e.id} className="border-b border-slate-200">
                      <td className="py-1 pr-2">{t(`kinds.${e.kind}`)}</td>
                      <td className="py-1 pr-2">{e.reason ? t(`reasons.${e.reason}`) : e.days ? t("days", { n: e.days }) : "—"}</td>
                      <td className="py-1 pr-2">{e.startedOn}</td>
                      <td className="py-1 pr-2">{e.kind === "SUSPENSION" ? (e.endedOn ?? t("running")) : e.kind === "SURVEY" ? e.startedOn : "—"}</td>
                      <td className="py-1 pr-2" {...dataLang(e.orderedBy)}>
                        {e.orderedBy}
                      </td>
                      <td className="py-1 pr-2" {...dataLang(e.note)}>{e.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      )}

      {file.opinions.length > 0 && (
        <Card title={t("opinions")}>
          <ul className="flex flex-col gap-2" data-testid="opinions">
            {file.opinions.map((o) => (
              <li key={o.id}>
                <Data className="font-medium">{o.author}</Data>
                {t("opinionMeta", { recommendation: t(`recommendations.${o.recommendation}`), at: format.dateTime(o.at, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) })}
                <Data>{o.opinion}</Data>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {file.decision && (
        <Card title={t("decision")}>
          <p data-testid="decision-record">
            {t.rich("decidedBy", { name: file.decision.by, at: format.dateTime(file.decision.at, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }), data: dataTag })}
            {" · "}
            {file.decision.delegation ? t.rich("underDelegation", { number: file.decision.delegation, data: dataTag }) : t("directorAuthority")}
          </p>
          {file.decision.reason && (
            <p>
              <Data>{file.decision.reason}</Data>
            </p>
          )}
          <p className="mt-2">
            <Link href={`/applications/${file.id}/decision`} className="text-blue-800 underline" data-testid="decision-letter-link">
              {t("letter")}
            </Link>
          </p>
        </Card>
      )}
      {file.forwardedTo && (
        <Notice kind="info">
          {t.rich("forwardedTo", { to: file.forwardedTo, data: dataTag })}
          {file.higherReply && <> {t.rich("higherReply", { reply: file.higherReply, data: dataTag })}</>}
        </Notice>
      )}

      {file.certificate && <CertificateCard applicationId={file.id} certificate={file.certificate} actions={actions} />}
      <CaseActionsCard offers={file.actions} authority={file.authority} applicationId={file.id} delivery={file.delivery} feeQuantities={file.feeQuantities} actions={actions} t={t as unknown as T} />
    </div>
  );
}

/**
 * The forms of the actions offered now, each marked with the actions it carries (data-actions), and
 * the ones shown refused with their reason (data-refused). Synchronous, so tests can render it.
 */
export function CaseActionsCard({
  offers,
  authority,
  applicationId,
  delivery = { method: "ELECTRONIC", address: "" },
  feeQuantities = [],
  actions,
  t,
}: {
  offers: readonly ActionOffer[];
  authority: CaseFile["authority"];
  applicationId: string;
  /** How the applicant asked to receive the certificate: the issue form starts from it. */
  delivery?: CaseFile["delivery"];
  /** 计量收费: the fee lines a grant needs a quantity for. */
  feeQuantities?: CaseFile["feeQuantities"];
  actions: CaseActions;
  t: T;
}) {
  if (offers.length === 0) return null;
  const allowed = new Set(offers.filter((o) => o.allowed).map((o) => o.action));
  const refused = new Map(offers.flatMap((o) => (o.allowed ? [] : [[o.action, o] as const])));
  const may = (...a: WorkflowAction[]) => a.filter((x) => allowed.has(x));
  const id = { applicationId };
  const reasons = SUSPENSION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }));
  const decisions = may("APPROVE", "DENY");
  const decisionRefusal = refused.get("APPROVE") ?? refused.get("DENY");
  const review = may("RECORD_REVIEW", "ADD_OPINION");
  const reviewRefusal = refused.get("RECORD_REVIEW");
  const clock = may("SUSPEND", "RESUME", "SURVEY", "EXTEND");
  const issueRefusal = refused.get("ISSUE");
  const blocked = (o: ActionOffer | undefined, testId: string) =>
    o && !o.allowed ? (
      <div data-refused={o.action} data-testid={testId}>
        <Notice kind="info">{o.reason === "DELEGATION_REFUSED" && o.detail ? t(`refusal.${o.detail}`) : t(`blocked.${o.reason}`)}</Notice>
      </div>
    ) : null;
  return (
    <Card title={t("actions")}>
      <div className="grid gap-6 md:grid-cols-2">
        {(decisions.length > 0 || decisionRefusal) && (
          <section aria-labelledby="decide-heading" className="flex flex-col gap-2">
            <h3 id="decide-heading" className="font-semibold">
              {t("decide")}
            </h3>
            {decisions.length > 0 ? (
              <div data-actions={decisions.join(" ")}>
                {authority?.ok && (
                  <p className="mb-2 text-sm" data-testid="authority">
                    {authority.delegation ? (
                      <>
                        {t("underDelegationLabel")} <Data>{authority.delegation}</Data>
                      </>
                    ) : (
                      t("directorAuthority")
                    )}
                  </p>
                )}
                <ActionForm
                  action={actions.decide}
                  fields={id}
                  label={t("decideSubmit")}
                  done={t("done")}
                  testId="decide-form"
                  inputs={[
                    { name: "decision", label: t("decisionKind"), kind: "select", options: decisions.map((d) => ({ value: d, label: t(d === "APPROVE" ? "approve" : "deny") })) },
                    { name: "reason", label: t("reason"), kind: "textarea", hint: t("reasonHint") },
                    { name: "basis", label: t("basis"), kind: "text" },
                    ...(decisions.includes("APPROVE")
                      ? feeQuantities.map((q) => ({
                          name: `quantities.${q.index}`,
                          label: (
                            <>
                              {t("quantityFor")} <Data>{q.name}</Data> · <Data>{q.unit}</Data>
                            </>
                          ),
                          kind: "text" as const,
                          hint: t("quantityHint", { price: fenToYuan(q.unitFen) }),
                        }))
                      : []),
                  ]}
                />
              </div>
            ) : (
              blocked(decisionRefusal, "authority")
            )}
          </section>
        )}
        {(review.length > 0 || reviewRefusal) && (
          <section aria-labelledby="review-heading" className="flex flex-col gap-2">
            <h3 id="review-heading" className="font-semibold">
              {t("review")}
            </h3>
            {review.length > 0 ? (
              <div data-actions={review.join(" ")}>
                <ActionForm
                  action={actions.review}
                  fields={id}
                  label={t("reviewSubmit")}
                  done={t("done")}
                  testId="review-form"
                  inputs={[
                    { name: "recommendation", label: t("recommendation"), kind: "select", options: [{ value: "APPROVE", label: t("recommendations.APPROVE") }, { value: "DENY", label: t("recommendations.DENY") }] },
                    { name: "opinion", label: t("opinion"), kind: "textarea" },
                  ]}
                />
              </div>
            ) : (
              blocked(reviewRefusal, "review-blocked")
            )}
          </section>
        )}
        {clock.length > 0 && (
          <section aria-labelledby="clock-heading" className="flex flex-col gap-4">
            <h3 id="clock-heading" className="font-semibold">
              {t("clockActions")}
            </h3>
            {allowed.has("RESUME") && (
              <div data-actions="RESUME">
                <ActionForm action={actions.resume} fields={id} label={t("resume")} done={t("done")} testId="resume-form" />
              </div>
            )}
            {allowed.has("SUSPEND") && (
              <div data-actions="SUSPEND">
                <ActionForm
                  action={actions.suspend}
                  fields={id}
                  label={t("suspend")}
                  done={t("done")}
                  testId="suspend-form"
                  variant="secondary"
                  inputs={[
                    { name: "reason", label: t("suspendReason"), kind: "select", options: reasons },
                    { name: "note", label: t("note"), kind: "text" },
                    { name: "expectedDays", label: t("expectedDays"), kind: "number" },
                  ]}
                />
              </div>
            )}
            {allowed.has("SURVEY") && (
              <div data-actions="SURVEY">
                <ActionForm action={actions.survey} fields={id} label={t("survey")} done={t("done")} testId="survey-form" variant="secondary" inputs={[{ name: "note", label: t("surveyNote"), kind: "text" }]} />
              </div>
            )}
            {allowed.has("EXTEND") && (
              <div data-actions="EXTEND">
                <ActionForm
                  action={actions.extend}
                  fields={id}
                  label={t("extend")}
                  done={t("done")}
                  testId="extend-form"
                  variant="secondary"
                  inputs={[
                    { name: "days", label: t("extendDays"), kind: "number", defaultValue: "10", hint: t("extendHint") },
                    { name: "note", label: t("extendReason"), kind: "text" },
                  ]}
                />
              </div>
            )}
          </section>
        )}
        {(allowed.has("ISSUE") || issueRefusal) && (
          <section aria-labelledby="issue-heading" className="flex flex-col gap-2">
            <h3 id="issue-heading" className="font-semibold">
              {t("issue")}
            </h3>
            {allowed.has("ISSUE") ? (
              <div data-actions="ISSUE">
                <p className="mb-2 text-sm">{t("issueHint")}</p>
                <p className="mb-2 text-sm" data-testid="delivery-chosen">
                  {t("applicantChose", { method: t(`deliveryOptions.${delivery.method}`) })}
                  {delivery.address && ` · ${t("applicantChoseAddress", { address: delivery.address })}`}
                </p>
                <ActionForm
                  action={actions.issue}
                  fields={id}
                  label={t("issueSubmit")}
                  done={t("done")}
                  testId="issue-form"
                  inputs={[
                    { name: "deliveryMethod", label: t("delivery"), kind: "select", defaultValue: delivery.method, options: DELIVERY_METHODS.map((d) => ({ value: d, label: t(`deliveryOptions.${d}`) })) },
                    { name: "deliveryAddress", label: t("deliveryAddress"), kind: "text", hint: t("deliveryAddressHint") },
                    { name: "deliveryNote", label: t("deliveryNote"), kind: "text" },
                  ]}
                />
              </div>
            ) : (
              blocked(issueRefusal, "issue-blocked")
            )}
          </section>
        )}
        {allowed.has("ESCALATE") && (
          <section aria-labelledby="escalate-heading" className="flex flex-col gap-2" data-actions="ESCALATE">
            <h3 id="escalate-heading" className="font-semibold">
              {t("escalate")}
            </h3>
            <p className="text-sm">{t("escalateHint")}</p>
            <ActionForm action={actions.escalate} fields={id} label={t("escalateSubmit")} done={t("done")} testId="escalate-form" variant="secondary" inputs={[{ name: "note", label: t("note"), kind: "text" }]} />
          </section>
        )}
        {allowed.has("FORWARD") && (
          <div data-actions="FORWARD">
            <ActionForm action={actions.forward} fields={id} label={t("forward")} done={t("done")} testId="forward-form" inputs={[{ name: "to", label: t("forwardTo"), kind: "text" }]} />
          </div>
        )}
        {allowed.has("RECORD_HIGHER_REPLY") && (
          <div data-actions="RECORD_HIGHER_REPLY">
            <ActionForm action={actions.reply} fields={id} label={t("recordReply")} done={t("done")} testId="reply-form" inputs={[{ name: "reply", label: t("reply"), kind: "textarea" }]} />
          </div>
        )}
      </div>
    </Card>
  );
}
