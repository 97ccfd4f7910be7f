// One application as applicant and staff both see it: facts, due dates, notices, materials, timeline.
import { getFormatter, getTranslations } from "next-intl/server";
import { DueDate } from "@/components/ui/due-date";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import type { ApplicationView } from "@/lib/server/applications/queries";
import { isStaffRole } from "@/lib/domain/access/roles";
import { trailMessageKey } from "@/lib/domain/audit/application-trail";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import type { ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { stateFacts, type StateTone } from "@/lib/domain/workflow/state-facts";
import { Data, dataLang, dataTag } from "@/components/ui/data";
import { BackLink } from "@/components/ui/back-link";

const TONES: Record<StateTone, string> = {
  ended: "bg-slate-200 text-slate-900",
  attention: "bg-amber-100 text-amber-950",
  draft: "bg-white text-slate-900 border border-slate-400",
  progress: "bg-green-100 text-green-950",
};

export function StateBadge({ state, label }: { state: ApplicationState; label: string }) {
  const tone = TONES[stateFacts(state).tone];
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${tone}`} data-testid="state">
      {label}
    </span>
  );
}

export async function ApplicationSummary({
  app,
  materialActions,
}: {
  app: ApplicationView;
  /** Upload / reuse controls per material, where the viewer may still change it. */
  materialActions?: (m: ApplicationView["materials"][number]) => React.ReactNode;
}) {
  const [t, tf, format] = await Promise.all([getTranslations("application"), getTranslations("common"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) : "—");
  const latestNotice = app.notices.at(-1);
  return (
    <div className="flex flex-col gap-4">
      <Card title={t("facts")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="facts">
          <dt>{t("number")}</dt>
          <dd className="font-mono" data-testid="application-number">
            {app.number ?? t("noNumber")}
          </dd>
          <dt>{t("item")}</dt>
          <dd>
            <Data>{app.item.name}</Data> {t("versionParen", { version: app.item.version })}
          </dd>
          <dt>{t("applicant")}</dt>
          <dd>
            <Data>{app.applicant.name}</Data> · {app.applicant.maskedId}
          </dd>
          <dt>{t("channel")}</dt>
          <dd>{t(`channels.${app.channel}`)}</dd>
          <dt>{t("subject")}</dt>
          <dd className="whitespace-pre-line" {...dataLang(app.subject)}>{app.subject}</dd>
          {app.answers.map((a) => (
            <div key={a.key} className="contents">
              <dt {...dataLang(a.label)}>{a.label}</dt>
              <dd className="whitespace-pre-line" {...dataLang(a.value)}>
                {a.value}
              </dd>
            </div>
          ))}
          <dt>{t("contact")}</dt>
          <dd>
            <Data>{app.contactName}</Data> · {app.contactPhone}
            {app.address && (
              <>
                {" · "}
                <Data>{app.address}</Data>
              </>
            )}
          </dd>
          <dt>{t("submittedAt")}</dt>
          <dd data-testid="submitted-at">{when(app.submittedAt)}</dd>
          {app.resubmittedAt && (
            <>
              <dt>{t("resubmittedAt")}</dt>
              <dd data-testid="resubmitted-at">{when(app.resubmittedAt)}</dd>
            </>
          )}
          {app.acceptedAt && (
            <>
              <dt>{t("acceptedAt")}</dt>
              <dd>{when(app.acceptedAt)}</dd>
              <dt>{t("promisedDue")}</dt>
              <dd>
                <DueDate date={app.promisedDue} suffix={`（${t("workingDays", { days: app.item.promisedDays })}）`} provisional={app.provisional.promisedDue} testId="promised-due" />
              </dd>
              <dt>{t("statutoryDue")}</dt>
              <dd>
                <DueDate date={app.statutoryDue} suffix={`（${t("workingDays", { days: app.item.statutoryDays })}）`} provisional={app.provisional.statutoryDue} testId="statutory-due" />
              </dd>
            </>
          )}
          {app.owedBy && app.facts.owesMaterials && (
            <>
              <dt>{t("owedBy")}</dt>
              <dd>
                <DueDate date={app.owedBy} provisional={app.provisional.owedBy} />
              </dd>
            </>
          )}
        </dl>
      </Card>

      {app.documents.length > 0 && (
        <Card title={t("documents")}>
          <ul className="flex flex-col gap-1" data-testid="documents">
            {app.documents.map((d) => (
              <li key={d.id}>
                <a
                  href={d.kind === "RECEIPT" ? `/applications/${app.id}/receipt` : d.kind === "DECISION" ? `/applications/${app.id}/decision` : `/applications/${app.id}/notices/${d.id}`}
                  className="text-blue-800 underline"
                >
                  {t(`documentKinds.${d.kind}`)}
                </a>{" "}
                <Data className="text-sm text-slate-700">{d.number}</Data>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {app.facts.refusedAtIntake && (
        <Notice kind="info">
          <p className="font-semibold">{t("rejected")}</p>
          <p>
            {t("reason")}
            {tf("colon")}
            <Data>{app.rejectionReason}</Data>
          </p>
          <p>
            {t("basis")}
            {tf("colon")}
            <Data>{app.rejectionBasis}</Data>
          </p>
          <p className="mt-1 text-sm">{t("remedies")}</p>
        </Notice>
      )}

      {latestNotice && (
        <Card title={t("notice.title", { n: app.notices.length })}>
          {app.facts.awaitingCorrection && <p className="mb-2">{t("notice.lead")}</p>}
          <ol className="list-decimal space-y-1 pl-5" data-testid="correction-notice">
            {latestNotice.entries.map((e) => (
              <li key={e.materialId}>
                <Data className="font-medium">{e.name}</Data>
                {tf("colon")}
                <Data>{e.problem}</Data>
              </li>
            ))}
          </ol>
          <p className="mt-2 text-sm text-slate-700">
            {t("notice.issued", { at: when(latestNotice.issuedAt) })}
            {latestNotice.document && (
              <>
                {" · "}
                <a href={`/applications/${app.id}/notices/${latestNotice.document.id}`} className="text-blue-800 underline" data-testid="correction-notice-document">
                  {t.rich("notice.document", { number: latestNotice.document.number, data: dataTag })}
                </a>
              </>
            )}
          </p>
        </Card>
      )}

      <Card title={t("materials")}>
        <ul className="flex flex-col divide-y divide-slate-200" data-testid="materials">
          {app.materials.map((m) => (
            <li key={m.materialId} className="flex flex-col gap-2 py-3 md:flex-row md:items-start md:justify-between">
              <div>
                <p className="font-medium">
                  <Data>{m.name}</Data> <span className="text-sm font-normal text-slate-700">{t(m.kind === "CORE" ? "coreParen" : "supplementaryParen")}</span>
                </p>
                <p className="text-sm">
                  {m.file ? (
                    <a href={`/files/${m.file.id}`} className="text-blue-800 underline">
                      <Data>{m.file.originalName}</Data>
                    </a>
                  ) : m.commitment ? (
                    <span className="text-slate-800" data-testid={`committed-${m.materialId}`}>
                      {t.rich("committed", { name: m.commitment.signerName, data: dataTag })}
                    </span>
                  ) : !m.applicable ? (
                    <span className="text-slate-700" data-testid={`not-applicable-${m.materialId}`}>
                      {t.rich("notApplicable", { condition: m.condition, data: dataTag })}
                    </span>
                  ) : (
                    <span className="text-slate-700">{t("notGiven")}</span>
                  )}
                  {m.verdict && <span className="ml-2">· {t(`verdicts.${m.verdict}`)}</span>}
                  {m.commitment?.result && <span className="ml-2">· {t(`postCheck.${m.commitment.result}`)}</span>}
                  {m.problem && m.verdict !== "OK" && (
                    <span className="ml-2 text-red-800">
                      · <Data>{m.problem}</Data>
                    </span>
                  )}
                </p>
              </div>
              {materialActions?.(m)}
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t("timeline")}>
        <ol className="flex flex-col gap-1" data-testid="timeline">
          {app.timeline.map((e) => (
            <li key={e.id} className="text-sm">
              <span className="text-slate-700">{when(e.at)}</span> · {t(`events.${trailMessageKey(e.action)}`)}
              {e.actorRole && isStaffRole(e.actorRole) && <span className="text-slate-700">{`${tf("parenOpen")}${t(`actors.${e.actorRole}`)}${tf("parenClose")}`}</span>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

/** Top of an application's page: the way back, the item's name and the state. */
export async function ApplicationHeader({ app, back }: { app: Pick<ApplicationView, "state" | "item">; back: { href: string; label: string } }) {
  const t = await getTranslations("application");
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageTitle>
        <Data>{app.item.name}</Data>
      </PageTitle>
      <p>
        <StateBadge state={app.state} label={t(`states.${app.state}`)} />
      </p>
    </>
  );
}
