// 一件事 online: ONE form for every item of the bundle (each question asked once).
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/applications/application-form";
import { applicationFormLabels } from "@/components/applications/application-form-labels";
import { BundleItemsTable } from "@/components/bundles/bundle-items-table";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { dataTag, Data } from "@/components/ui/data";
import { getApplicantProfile } from "@/lib/server/accounts/get-applicant-profile";
import { requireArea } from "@/lib/server/auth/current-actor";
import { startBundleAction } from "@/app/bundles/actions";
import { loadBundleOr404 } from "../load-bundle";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations("bundles");
  return { title: `${t("applyTitle")} · ${(await loadBundleOr404((await params).code)).name}` };
}

export default async function ApplyBundlePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requireArea("my", `/bundles/${code}/apply`);
  const [bundle, profile, t, ta] = await Promise.all([loadBundleOr404(code), getApplicantProfile({ actor }), getTranslations("bundles"), getTranslations("application")]);
  return (
    <div className="flex flex-col gap-4">
      <BackLink href={`/bundles/${encodeURIComponent(bundle.code)}`}>{t("backToBundle")}</BackLink>
      <PageTitle>{t.rich("applyTitleFor", { bundle: bundle.name, data: dataTag })}</PageTitle>
      <Notice kind="info">{t("applySteps")}</Notice>
      <Card title={t("items")}>
        <BundleItemsTable lines={bundle.lines} />
      </Card>
      <Card title={ta("details")}>
        <ApplicationForm
          action={startBundleAction}
          hidden={{ bundleCode: bundle.code }}
          submissionKey={randomUUID()}
          defaults={{ contactName: profile.contactName ?? profile.name, contactPhone: profile.phone ?? "" }}
          labels={await applicationFormLabels(t("saveDrafts"))}
          formFields={bundle.fields}
          choice={{ legend: t("optionalItems"), options: bundle.lines.filter((l) => !l.rule.required).map((l) => ({ value: l.item.id, label: <Data>{l.version.name}</Data> })) }}
          conditional={bundle.slots.filter((s) => s.condition).map((s) => ({ id: s.key, label: ta.rich("appliesItem", { condition: s.condition, name: s.name, data: dataTag }) }))}
        />
      </Card>
    </div>
  );
}
