// 网上申报: a signed-in applicant starts an application from the item's current guide.
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/applications/application-form";
import { applicationFormLabels } from "@/components/applications/application-form-labels";
import { MaterialsTable } from "@/components/catalogue/materials-table";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { getApplicantProfile } from "@/lib/server/accounts/get-applicant-profile";
import { requireArea } from "@/lib/server/auth/current-actor";
import { enterprisesActedFor } from "@/lib/server/agents/authorities";
import { startApplicationAction } from "@/app/my/actions";
import { loadGuide } from "../load-guide";
import { dataTag } from "@/components/ui/data";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations("application");
  return { title: `${t("applyTitle")} · ${(await loadGuide((await params).code)).guide.name}` };
}

export default async function ApplyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requireArea("my", `/items/${code}/apply`);
  const [item, profile, t, actedFor] = await Promise.all([loadGuide(code), getApplicantProfile({ actor }), getTranslations("application"), enterprisesActedFor(actor)]);
  const canApply = item.guide.onlineAvailable && item.section;
  return (
    <div className="flex flex-col gap-4">
      <BackLink href={`/items/${encodeURIComponent(item.implementationCode)}`}>{t("backToGuide")}</BackLink>
      <PageTitle>
        {t.rich("applyTitleFor", { item: item.guide.name, data: dataTag })}
      </PageTitle>
      {!canApply ? (
        <Notice kind="info">{t("notOnline")}</Notice>
      ) : (
        <>
          <Notice kind="info">{t("applySteps")}</Notice>
          <Card title={t("details")}>
            <ApplicationForm
              action={startApplicationAction}
              itemCode={item.implementationCode}
              submissionKey={randomUUID()}
              defaults={{ contactName: profile.contactName ?? profile.name, contactPhone: profile.phone ?? "" }}
              labels={await applicationFormLabels(t("saveDraft"))}
              onBehalf={{ label: t("onBehalfOf"), self: t("onBehalfSelf"), options: actedFor.map((e) => ({ value: e.authorityId, label: e.name })) }}
              formFields={formFieldsOf(item.guide.formFields)}
              conditional={item.guide.materials.filter((m) => m.condition).map((m) => ({ id: m.id, label: t.rich("appliesItem", { condition: m.condition, name: m.name, data: dataTag }) }))}
            />
          </Card>
          <Card title={t("materialsToPrepare")}>
            <MaterialsTable materials={item.guide.materials} />
          </Card>
        </>
      )}
    </div>
  );
}
