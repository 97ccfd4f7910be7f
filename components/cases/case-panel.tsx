// The back office's view of a case: both due dates and the clock ledger, review opinions, the
// decision (with the delegation it was made under), and the actions this actor may take now.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { DueDate } from "@/components/ui/due-date";
import { Card, Notice } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import type { Role } from "@/lib/domain/access/roles";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { SUSPENSION_REASONS } from "@/lib/domain/clock/clock-ledger";
import type { CaseFile } from "@/lib/server/cases/get-case-file";

export type CaseActions = Record<"review" | "decide" | "escalate" | "forward" | "reply" | "suspend" | "resume" | "survey" | "extend", FormAction>;

export async function CasePanel({ file, role, actions }: { file: CaseFile; role: Role; actions: CaseActions }) {
  const [t, format] = await Promise.all([getTranslations("case"), getFormatter()]);
  const id = { applicationId: file.id };
  const pending = ["ACCEPTED", "REVIEWED", "ESCALATED"].includes(file.state);
  const suspended = file.clock?.suspended ?? false;
  const mayDecide =
    !suspended &&
    ((role === "CLERK" && file.state === "ACCEPTED" && file.kind === "INSTANT") ||
      (role === "CHIEF" && file.state === "REVIEWED") ||
      (role === "DIRECTOR" && (file.state === "REVIEWED" || file.state === "ESCALATED" || (file.state === "ACCEPTED" && file.kind === "INSTANT"))));
  const reasons = SUSPENSION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }));
  return (
    <div className="flex flex-col gap-4" data-testid="case-panel">
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
                      <td className="py-1 pr-2">{e.orderedBy}</td>
                      <td className="py-1 pr-2">{e.note}</td>
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
                <span className="font-medium">{o.author}</span>（{t(`recommendations.${o.recommendation}`)}，{format.dateTime(o.at, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}）：{o.opinion}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {file.decision && (
        <Card title={t("decision")}>
          <p data-testid="decision-record">
            {t("decidedBy", { name: file.decision.by, at: format.dateTime(file.decision.at, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) })}
            {" · "}
            {file.decision.delegation ? t("underDelegation", { number: file.decision.delegation }) : t("directorAuthority")}
          </p>
          {file.decision.reason && <p>{file.decision.reason}</p>}
          <p className="mt-2">
            <Link href={`/applications/${file.id}/decision`} className="text-blue-800 underline" data-testid="decision-letter-link">
              {t("letter")}
            </Link>
          </p>
        </Card>
      )}
      {file.forwardedTo && (
        <Notice kind="info">
          {t("forwardedTo", { to: file.forwardedTo })}
          {file.higherReply && ` ${t("higherReply", { reply: file.higherReply })}`}
        </Notice>
      )}

      {role !== "SUPERVISOR" && (pending || file.state === "FORWARDED") && (
        <Card title={t("actions")}>
          <div className="grid gap-6 md:grid-cols-2">
            {mayDecide && (
              <section aria-labelledby="decide-heading" className="flex flex-col gap-2">
                <h3 id="decide-heading" className="font-semibold">
                  {t("decide")}
                </h3>
                {file.authority &&
                  (file.authority.ok ? (
                    <p className="text-sm" data-testid="authority">
                      {file.authority.delegation ? t("underDelegation", { number: file.authority.delegation }) : t("directorAuthority")}
                    </p>
                  ) : (
                    <Notice kind="info">
                      <span data-testid="authority">{t(`refusal.${file.authority.reason}`)}</span>
                    </Notice>
                  ))}
                <ActionForm
                  action={actions.decide}
                  fields={id}
                  label={t("decideSubmit")}
                  done={t("done")}
                  testId="decide-form"
                  inputs={[
                    { name: "decision", label: t("decisionKind"), kind: "select", options: [{ value: "APPROVE", label: t("approve") }, { value: "DENY", label: t("deny") }] },
                    { name: "reason", label: t("reason"), kind: "textarea", hint: t("reasonHint") },
                    { name: "basis", label: t("basis"), kind: "text" },
                  ]}
                />
              </section>
            )}
            {(role === "REVIEWER" || role === "CHIEF") && (file.state === "ACCEPTED" || file.state === "REVIEWED") && file.kind !== "INSTANT" && !suspended && (
              <section aria-labelledby="review-heading" className="flex flex-col gap-2">
                <h3 id="review-heading" className="font-semibold">
                  {t("review")}
                </h3>
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
              </section>
            )}
            {role !== "CLERK" && pending && (
              <section aria-labelledby="clock-heading" className="flex flex-col gap-4">
                <h3 id="clock-heading" className="font-semibold">
                  {t("clockActions")}
                </h3>
                {suspended ? (
                  <ActionForm action={actions.resume} fields={id} label={t("resume")} done={t("done")} testId="resume-form" />
                ) : (
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
                    ]}
                  />
                )}
                {(role === "REVIEWER" || role === "CHIEF") && (
                  <ActionForm action={actions.survey} fields={id} label={t("survey")} done={t("done")} testId="survey-form" variant="secondary" inputs={[{ name: "note", label: t("surveyNote"), kind: "text" }]} />
                )}
                {(role === "CHIEF" || role === "DIRECTOR") && (
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
                )}
              </section>
            )}
            {role !== "DIRECTOR" && (file.state === "ACCEPTED" || file.state === "REVIEWED") && (
              <section aria-labelledby="escalate-heading" className="flex flex-col gap-2">
                <h3 id="escalate-heading" className="font-semibold">
                  {t("escalate")}
                </h3>
                <p className="text-sm">{t("escalateHint")}</p>
                <ActionForm action={actions.escalate} fields={id} label={t("escalateSubmit")} done={t("done")} testId="escalate-form" variant="secondary" inputs={[{ name: "note", label: t("note"), kind: "text" }]} />
              </section>
            )}
            {(role === "CHIEF" || role === "DIRECTOR") && file.kind === "REPORTED" && file.state === "REVIEWED" && (
              <ActionForm action={actions.forward} fields={id} label={t("forward")} done={t("done")} testId="forward-form" inputs={[{ name: "to", label: t("forwardTo"), kind: "text" }]} />
            )}
            {(role === "CHIEF" || role === "DIRECTOR") && file.state === "FORWARDED" && (
              <ActionForm action={actions.reply} fields={id} label={t("recordReply")} done={t("done")} testId="reply-form" inputs={[{ name: "reply", label: t("reply"), kind: "textarea" }]} />
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
