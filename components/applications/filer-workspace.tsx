// What the filer (the applicant online, or the clerk for a walk-in) sees of an application they
// may still change: the summary with upload and reuse controls per material, and the next step.
import { getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { DeliveryCard } from "@/components/applications/delivery-card";
import { MaterialUpload } from "@/components/applications/material-upload";
import { ReceiptLinks } from "@/components/applications/receipt-links";
import { Card, Notice } from "@/components/ui/notice";
import { editableMaterials } from "@/lib/domain/applications/access";
import { uploadLabelsOf } from "@/components/applications/upload-labels";
import type { ApplicationView } from "@/lib/server/applications/queries";
import { Data, dataTag } from "@/components/ui/data";

type Action = FormAction;

export async function FilerWorkspace({
  app,
  reusable,
  returnTo,
  upload,
  actions,
}: {
  app: ApplicationView;
  reusable: { id: string; originalName: string; usedAs: string[] }[];
  returnTo: string;
  /** `?upload=` after a form post without JavaScript. */
  upload?: string;
  actions: { submit: Action; reuse: Action; withdraw?: Action; chooseDelivery?: Action; commit?: Action };
}) {
  const [t, tf] = await Promise.all([getTranslations("application"), getTranslations("common")]);
  const editable = editableMaterials(app.state);
  const uploadLabels = await uploadLabelsOf();
  const offered = new Set(app.filingActions.filter((o) => o.allowed).map((o) => o.action));
  // Which of submitting, resubmitting after a notice, or reporting owed materials the table offers now.
  const step = (["SUBMIT", "RESUBMIT", "SUPPLY_OWED_MATERIALS"] as const).find((a) => offered.has(a));
  const STEP_TEXT = { SUBMIT: ["submit", "submitHint"], RESUBMIT: ["resubmit", "resubmitHint"], SUPPLY_OWED_MATERIALS: ["supplyOwed", "supplyHint"] } as const;
  const accepted = app.acceptedAt !== null;
  return (
    <div className="flex flex-col gap-4">
      {upload && <Notice kind={upload === "ok" ? "success" : "error"}>{upload === "ok" ? t("upload.done") : upload}</Notice>}
      {accepted && <ReceiptLinks applicationId={app.id} />}
      {app.facts.decision && (
        <Notice kind={app.facts.decision === "APPROVED" ? "success" : "info"}>
          {t(app.facts.decision === "APPROVED" ? "approvedNotice" : "deniedNotice")}{" "}
          <a href={`/applications/${app.id}/decision`} className="underline" data-testid="my-decision-letter">
            {t("decisionLetter")}
          </a>
        </Notice>
      )}
      {app.certificate && (
        <Card title={t("certificate")}>
          <p>
            {t("certificateNumber")}
            {tf("colon")}
            <Data className="font-mono">{app.certificate.number}</Data>
          </p>
          <p className="mt-2 flex flex-wrap gap-4">
            <a href={`/applications/${app.id}/certificate.pdf`} className="text-blue-800 underline" data-testid="my-certificate">
              {t("downloadCertificate")}
            </a>
            <a href={`/verify/${encodeURIComponent(app.certificate.identifier)}`} className="text-blue-800 underline">
              {t("verifyCertificate")}
            </a>
          </p>
        </Card>
      )}
      <DeliveryCard app={app} choose={actions.chooseDelivery} />
      <ApplicationSummary
        app={app}
        materialActions={(m) => {
          if (editable === "none" || (editable === "owed" && m.verdict !== "OWED")) return null;
          // Earlier files other than the one already here; those once given as this material first.
          const options = reusable
            .filter((f) => f.id !== m.file?.id)
            .sort((a, b) => Number(b.usedAs.includes(m.name)) - Number(a.usedAs.includes(m.name)))
            .map((f) => ({ value: f.id, label: `${f.originalName}${f.usedAs.length ? `（${f.usedAs.join("、")}）` : ""}` }));
          return (
            <div className="flex w-full flex-col gap-3 md:w-96">
              {m.mayCommit && actions.commit && (
                <details className="rounded border border-amber-300 bg-amber-50 p-2" data-testid={`commit-${m.name}`}>
                  <summary className="cursor-pointer text-sm">{t("commitSummary")}</summary>
                  <p className="my-2 whitespace-pre-line text-sm" lang="zh-CN">
                    {m.commitmentText}
                  </p>
                  <ActionForm
                    variant="secondary"
                    action={actions.commit}
                    fields={{ applicationId: app.id, materialId: m.materialId }}
                    label={t("commitSign")}
                    done={t("commitDone")}
                    inputs={[
                      { name: "agreed", kind: "checkbox", label: t("commitAgree") },
                      { name: "signerName", kind: "text", label: t("commitSigner") },
                    ]}
                    testId={`commit-form-${m.name}`}
                  />
                </details>
              )}
              <MaterialUpload target={{ applicationId: app.id, materialId: m.materialId }} materialName={m.name} returnTo={returnTo} labels={uploadLabels} />
              {options.length > 0 && (
                <details className="rounded border border-slate-200 p-2" open={!m.file && options.some((o) => o.label.includes(`（${m.name}`))}>
                  <summary className="cursor-pointer text-sm">{t("reuseSummary", { count: options.length })}</summary>
                  <ActionForm
                    variant="secondary"
                    action={actions.reuse}
                    fields={{ applicationId: app.id, materialId: m.materialId }}
                    label={t("reuse")}
                    done={t("reused")}
                    select={{ name: "storedFileId", label: t.rich("reuseLabel", { name: m.name, data: dataTag }), options }}
                    testId={`reuse-${m.name}`}
                  />
                </details>
              )}
            </div>
          );
        }}
      />
      {editable !== "none" && step && (
        <Card title={t("nextStep")}>
          <p className="mb-3 text-sm">{t(STEP_TEXT[step][1])}</p>
          <div data-actions={step}>
            <ActionForm
              action={actions.submit}
              fields={{ applicationId: app.id }}
              inputs={[{ name: "declaration", kind: "checkbox", label: t(app.channel === "WINDOW" ? "declarationSigned" : "declaration") }]}
              label={t(STEP_TEXT[step][0])}
              done={t("submitted")}
              testId="submit-application"
            />
          </div>
        </Card>
      )}
      {actions.withdraw && offered.has("WITHDRAW") && (
        <details className="rounded border border-slate-200 bg-white p-4">
          {/* Before the first submission it is a draft: deleting it, not withdrawing an application. */}
          <summary className="cursor-pointer">{t(step === "SUBMIT" ? "deleteDraft" : "withdraw")}</summary>
          <p className="my-2 text-sm">{t(step === "SUBMIT" ? "deleteDraftHint" : "withdrawHint")}</p>
          <ActionForm action={actions.withdraw} fields={{ applicationId: app.id }} label={t(step === "SUBMIT" ? "deleteDraftConfirm" : "withdrawConfirm")} testId="withdraw-application" />
        </details>
      )}
    </div>
  );
}
