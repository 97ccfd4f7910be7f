// The filing form's labels, the same online and at the window; only the button differs.
import { getTranslations } from "next-intl/server";
import type { ApplicationFormLabels } from "./application-form";

export async function applicationFormLabels(submit: string): Promise<ApplicationFormLabels> {
  const [t, d] = await Promise.all([getTranslations("application"), getTranslations("application.delivery")]);
  return {
    subject: t("subject"),
    subjectHint: t("subjectHint"),
    contactName: t("contactName"),
    contactPhone: t("contactPhone"),
    address: t("address"),
    itemFields: t("itemFields"),
    required: t("required"),
    applies: t("applies"),
    delivery: d("legend"),
    deliveryHint: d("hint"),
    deliveryAddress: d("address"),
    deliveryAddressHint: d("addressHint"),
    deliveryMethods: { ELECTRONIC: d("methods.ELECTRONIC"), PICKUP: d("methods.PICKUP"), POST: d("methods.POST") },
    submit,
  };
}
