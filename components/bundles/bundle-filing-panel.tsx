// A bundle filing (一件事) as its applicant and the back office see it: every item's state side by
// side, the joint survey, the one delivery; while the drafts are open, each material slot once.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { StateBadge } from "@/components/applications/application-summary";
import { MaterialUpload } from "@/components/applications/material-upload";
import { uploadLabelsOf } from "@/components/applications/upload-labels";
import { Card, Notice } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { Data, dataTag } from "@/components/ui/data";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import type { BundleFilingView } from "@/lib/server/bundles/get-bundle-filing";

export async function BundleFilingPanel({
  filing,
  returnTo,
  actions,
}: {
  filing: BundleFilingView;
  returnTo: string;
  actions: { submit?: FormAction; survey?: FormAction; handover?: FormAction };
}) {
  const [t, ta, tc, format] = await Promise.all([getTranslations("bundles"), getTranslations("application"), getTranslations("common"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: BUREAU_TIME_ZONE });
  const uploadLabels = await uploadLabelsOf();
  return (
    <div className="flex flex-col gap-4" data-testid="bundle-filing">
      <Card title={t("progressTitle")}>
        <p className="mb-3" data-testid="bundle-progress">
          {t("progress", { ended: filing.progress.ended, items: filing.progress.items })}
          {filing.number && (
            <span className="ml-3">
              {t("number")}
              {tc("colon")}
              <span className="font-mono" data-testid="bundle-number">
                {filing.number}
              </span>
            </span>
          )}
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="bundle-cases">
            <TableHead columns={[t("item"), t("section"), t("caseNumber"), t("state"), t("certificates")]} />
            <tbody>
              {filing.applications.map((a) => (
                <tr key={a.id} className="border-b border-slate-100" data-testid={`bundle-case-${a.number ?? a.id}`}>
                  <td className="py-2 pr-3">
                    {a.href ? (
                      <a href={a.href} className="text-blue-800 underline">
                        <Data>{a.item}</Data>
                      </a>
                    ) : (
                      <Data>{a.item}</Data>
                    )}
                    {a.siteSurvey && <span className="ml-2 text-xs text-slate-700">{t("surveyYes")}</span>}
                  </td>
                  <td className="py-2 pr-3">
                    <Data>{a.section}</Data>
                  </td>
                  <td className="py-2 pr-3 font-mono">{a.number ?? "—"}</td>
                  <td className="py-2 pr-3">
                    <StateBadge state={a.state} label={ta(`states.${a.state}`)} />
                  </td>
                  <td className="py-2 pr-3">{a.certificates.length ? a.certificates.map((c) => <Data key={c.id}>{c.number}</Data>) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title={t("deliveryTitle")}>
        <p data-testid="bundle-delivery">
          {t(`deliveryMethods.${filing.deliveryMethod}`)}
          {filing.deliveryAddress && (
            <>
              {tc("colon")}
              <Data>{filing.deliveryAddress}</Data>
            </>
          )}
        </p>
        <p className="mt-2 text-sm" data-testid="bundle-delivery-state">
          {filing.deliveredAt
            ? t.rich(filing.deliveryMethod === "ELECTRONIC" ? "deliveredElectronic" : filing.deliveryMethod === "PICKUP" ? "deliveredPickup" : "deliveredPost", { date: day(filing.deliveredAt), collector: filing.collectorName ?? "", tracking: filing.trackingNumber ?? "", data: dataTag })
            : filing.completedAt
              ? t("completedWaiting", { date: day(filing.completedAt) })
              : t("deliveryWaits")}
        </p>
        {actions.handover && filing.offers.handover && (
          <div className="mt-3">
            <ActionForm
              action={actions.handover}
              fields={{ bundleFilingId: filing.id, method: filing.deliveryMethod }}
              inputs={
                filing.deliveryMethod === "PICKUP"
                  ? [
                      { name: "collectorName", kind: "text", label: t("collectorName") },
                      { name: "collectorIdNumber", kind: "text", label: t("collectorIdNumber") },
                    ]
                  : [{ name: "trackingNumber", kind: "text", label: t("trackingNumber") }]
              }
              label={t(filing.deliveryMethod === "PICKUP" ? "recordPickup" : "recordPost")}
              testId="bundle-handover"
            />
          </div>
        )}
      </Card>

      <Card title={t("surveyTitle")}>
        {filing.survey ? (
          <p data-testid="joint-survey">{t.rich("surveyScheduled", { date: day(filing.survey.scheduledOn), place: filing.survey.place, cases: filing.survey.cases, data: dataTag })}</p>
        ) : (
          <p className="text-sm">{t("surveyNone")}</p>
        )}
        {actions.survey && filing.offers.survey && (
          <div className="mt-3">
            <ActionForm
              action={actions.survey}
              fields={{ bundleFilingId: filing.id }}
              inputs={[
                { name: "scheduledOn", kind: "text", label: t("surveyDate"), hint: t("surveyDateHint") },
                { name: "place", kind: "text", label: t("surveyPlace") },
                { name: "note", kind: "textarea", label: t("surveyNote") },
              ]}
              label={t("scheduleSurvey")}
              testId="schedule-joint-survey"
            />
          </div>
        )}
      </Card>

      {filing.drafts && (
        <Card title={t("materials")}>
          <p className="mb-3 text-sm">{t("slotsLead")}</p>
          <ul className="flex flex-col gap-4" data-testid="bundle-slots">
            {filing.slots.map((s) => (
              <li key={s.key} className="rounded border border-slate-200 p-3" data-testid={`slot-${s.name}`}>
                <p className="font-medium">
                  <Data>{s.name}</Data>
                  <span className="ml-2 text-sm font-normal text-slate-700">
                    {t(s.kind === "CORE" ? "core" : "supplementary")}
                    {s.items > 1 && ` · ${t("sharedBy", { items: s.items })}`}
                  </span>
                </p>
                {!s.applicable ? (
                  <p className="text-sm text-slate-700">{t("notApplicable")}</p>
                ) : (
                  <>
                    <p className="mb-2 text-sm" data-testid="slot-state">
                      {s.given && s.file ? t.rich("slotGiven", { file: s.file, data: dataTag }) : t("slotMissing")}
                    </p>
                    <MaterialUpload target={{ bundleFilingId: filing.id, slotKey: s.key }} materialName={s.name} returnTo={returnTo} labels={uploadLabels} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {filing.drafts && actions.submit && (
        <Card title={ta("nextStep")}>
          <p className="mb-3 text-sm">{t("submitHint", { items: filing.progress.items })}</p>
          <ActionForm action={actions.submit} fields={{ bundleFilingId: filing.id }} inputs={[{ name: "declaration", kind: "checkbox", label: ta("declaration") }]} label={t("submit")} done={ta("submitted")} testId="submit-bundle" />
        </Card>
      )}
      {!filing.drafts && filing.own && filing.progress.ended < filing.progress.items && <Notice kind="info">{t("parallelNote")}</Notice>}
    </div>
  );
}
