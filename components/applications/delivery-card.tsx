// 送达: how the certificate reaches the applicant. Before it is issued they may change the choice
// (electronic, pick-up at the window, post to an address); afterwards they see how far delivery
// has come: collected by whom, or posted with which tracking number.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { Card } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { DELIVERY_METHODS } from "@/lib/domain/certificates/certificate-actions";
import { deliveryStep, deliveryStepText } from "@/lib/domain/certificates/delivery-step";
import type { ApplicationView } from "@/lib/server/applications/queries";
import { Data, withDataTags } from "@/components/ui/data";

export async function DeliveryCard({ app, choose }: { app: ApplicationView; choose?: FormAction }) {
  const [t, tf, format] = await Promise.all([getTranslations("application.delivery"), getTranslations("common"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE });
  const c = app.certificate;
  if (c) {
    const state = deliveryStepText(deliveryStep(c), "state", withDataTags(t), when);
    return (
      <Card title={t("title")}>
        <p data-testid="my-delivery">
          {t(`methods.${c.deliveryMethod}`)}
          {tf("colon")}
          {state}
        </p>
      </Card>
    );
  }
  if (!app.delivery.changeable) return null;
  return (
    <Card title={t("title")}>
      <p className="text-sm" data-testid="my-delivery">
        {t("chosen", { method: t(`methods.${app.delivery.method}`) })}
        {app.delivery.method === "POST" && (
          <>
            {" · "}
            <Data>{app.delivery.address}</Data>
          </>
        )}
      </p>
      {choose && (
        <details className="mt-2">
          <summary className="cursor-pointer text-blue-800 underline">{t("change")}</summary>
          <div className="mt-2 max-w-xl">
            <ActionForm
              action={choose}
              fields={{ applicationId: app.id }}
              label={t("save")}
              done={t("saved")}
              testId="choose-delivery-form"
              inputs={[
                { name: "deliveryMethod", label: t("method"), kind: "select", defaultValue: app.delivery.method, options: DELIVERY_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) })) },
                { name: "deliveryAddress", label: t("address"), kind: "text", defaultValue: app.delivery.address, hint: t("addressHint") },
              ]}
            />
          </div>
        </details>
      )}
    </Card>
  );
}
