// The certificate a case stands on now: number, status, version, how it reaches the holder and how
// far that has come, and the forms for exactly the actions the certificate rules offer this actor
// (file.certificate.actions): end it, replace it (补办/变更), record its pick-up or posting.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { Card } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { REPLACEMENT_KINDS } from "@/lib/domain/certificates/certificate-actions";
import { deliveryStep, deliveryStepText } from "@/lib/domain/certificates/delivery-step";
import type { CaseFile } from "@/lib/server/cases/get-case-file";
import { Data, dataTag, withDataTags } from "@/components/ui/data";

type CaseCertificate = NonNullable<CaseFile["certificate"]>;

export async function CertificateCard({
  applicationId,
  certificate: c,
  actions,
}: {
  applicationId: string;
  certificate: CaseCertificate;
  actions: { endCertificate: FormAction; replaceCertificate: FormAction; recordDelivery: FormAction };
}) {
  const [t, tf, format] = await Promise.all([getTranslations("case"), getTranslations("common"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE });
  const offered = new Set(c.actions);
  // Names, addresses and tracking numbers in the step's words are data (marked by language).
  const deliveryState = deliveryStepText(deliveryStep(c), "deliveryState", withDataTags(t), when);
  return (
    <Card title={t("certificate")}>
      <p data-testid="certificate-issued">
        {t.rich("certificateIssued", { number: c.number, data: dataTag })} · {t(`certificateStatus.${c.status}`)}
        {c.replacementKind && ` · ${t(`replacementKinds.${c.replacementKind}`)} ${t("certificateVersionParen", { version: c.version })}`}
      </p>
      <p className="mt-1" data-testid="certificate-delivery">
        {t(`deliveryOptions.${c.deliveryMethod}`)}
        {tf("colon")}
        {deliveryState}
        {c.deliveryNote && (
          <>
            {" "}
            <Data>{c.deliveryNote}</Data>
          </>
        )}
      </p>
      <p className="mt-2 flex flex-wrap gap-4">
        <a href={`/applications/${applicationId}/certificate.pdf`} className="text-blue-800 underline" data-testid="certificate-download">
          {t("certificate")} PDF
        </a>
        <Link href={`/verify/${encodeURIComponent(c.identifier)}`} className="text-blue-800 underline break-all" data-testid="certificate-verify">
          {c.identifier}
        </Link>
      </p>
      {offered.has("RECORD_PICKUP") && (
        <div className="mt-3" data-testid="certificate-pickup">
          <ActionForm
            action={actions.recordDelivery}
            fields={{ certificateId: c.id, method: "PICKUP" }}
            label={t("recordPickup")}
            done={t("done")}
            testId="record-pickup-form"
            inputs={[
              { name: "collectorName", label: t("collectorName"), kind: "text" },
              { name: "collectorIdNumber", label: t("collectorIdNumber"), kind: "text" },
            ]}
          />
        </div>
      )}
      {offered.has("RECORD_MAILING") && (
        <div className="mt-3" data-testid="certificate-mailing">
          <ActionForm
            action={actions.recordDelivery}
            fields={{ certificateId: c.id, method: "POST" }}
            label={t("recordMailing")}
            done={t("done")}
            testId="record-mailing-form"
            inputs={[{ name: "trackingNumber", label: t("trackingNumber"), kind: "text", hint: t("mailTo", { address: c.deliveryAddress }) }]}
          />
        </div>
      )}
      {offered.has("REPLACE") && (
        <details className="mt-3" data-testid="certificate-replace">
          <summary className="cursor-pointer text-blue-800 underline">{t("replace")}</summary>
          <div className="mt-2">
            <ActionForm
              action={actions.replaceCertificate}
              fields={{ certificateId: c.id }}
              label={t("replaceSubmit")}
              done={t("done")}
              testId="replace-certificate-form"
              variant="secondary"
              inputs={[
                { name: "kind", label: t("replaceKind"), kind: "select", options: REPLACEMENT_KINDS.map((k) => ({ value: k, label: t(`replacementKinds.${k}`) })) },
                { name: "reason", label: t("replaceReason"), kind: "textarea" },
                { name: "holderName", label: t("replaceHolderName"), kind: "text", hint: t("replaceAmendHint") },
                { name: "address", label: t("replaceAddress"), kind: "text" },
              ]}
            />
          </div>
        </details>
      )}
      {offered.has("END") && (
        <details className="mt-3" data-testid="certificate-end">
          <summary className="cursor-pointer text-blue-800 underline">{t("revoke")}</summary>
          <div className="mt-2">
            <ActionForm
              action={actions.endCertificate}
              fields={{ certificateId: c.id }}
              label={t("revokeSubmit")}
              done={t("done")}
              testId="end-certificate-form"
              variant="secondary"
              inputs={[
                { name: "status", label: t("revokeKind"), kind: "select", options: (["REVOKED", "CANCELLED"] as const).map((k) => ({ value: k, label: t(`revokeKinds.${k}`) })) },
                { name: "reason", label: t("revokeReason"), kind: "textarea" },
                { name: "basis", label: t("revokeBasis"), kind: "text" },
              ]}
            />
          </div>
        </details>
      )}
    </Card>
  );
}
