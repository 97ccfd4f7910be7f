// 投诉: anyone files a complaint — signed in, or with a phone number — and follows it by its number.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { ComplaintForm } from "@/components/complaints/complaint-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { COMPLAINT_CATEGORIES } from "@/lib/domain/complaints/complaints";
import { currentActor } from "@/lib/server/auth/current-actor";
import { complaintDefaults } from "@/lib/server/complaints/file-complaint";
import { fileComplaintAction, findComplaintAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("title") };
}

export default async function ComplaintsPage() {
  const [t, actor] = await Promise.all([getTranslations("complaints"), currentActor()]);
  const defaults = await complaintDefaults(actor);
  const f = (k: string) => t(`form.${k}`);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("form.heading")}</h2>
        <ComplaintForm
          action={fileComplaintAction}
          defaults={defaults}
          labels={{
            category: f("category"),
            categories: COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
            text: f("text"),
            textHint: f("textHint"),
            applicationNumber: f("applicationNumber"),
            applicationNumberHint: f("applicationNumberHint"),
            name: f("name"),
            phone: f("phone"),
            phoneHint: actor ? f("phoneHintSignedIn") : f("phoneHint"),
            attachments: f("attachments"),
            attachmentsHint: f("attachmentsHint"),
            submit: f("submit"),
            filed: f("filed"),
            keepNumber: f("keepNumber"),
            open: f("open"),
          }}
        />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("find.heading")}</h2>
        <ActionForm
          action={findComplaintAction}
          fields={{}}
          label={t("find.submit")}
          testId="find-complaint"
          inputs={[
            { name: "number", kind: "text", label: t("find.number"), hint: t("find.numberHint") },
            { name: "phoneTail", kind: "text", label: t("find.phoneTail"), hint: t("find.phoneTailHint") },
          ]}
        />
      </Card>
    </div>
  );
}
