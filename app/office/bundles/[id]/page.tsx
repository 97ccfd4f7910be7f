// One bundle filing in the back office: every item's case side by side (each section reviews its
// own in parallel), the joint survey for the cases that need one, and the one handover.
import { getTranslations } from "next-intl/server";
import { BundleFilingPanel } from "@/components/bundles/bundle-filing-panel";
import { PageTitle } from "@/components/ui/notice";
import { dataTag } from "@/components/ui/data";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { loadBundleFilingOr404 } from "@/app/bundles/load-filing";
import { deliverBundleAction, scheduleJointSurveyAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("bundles"))("filingTitle") };
}

export default async function OfficeBundlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireSignedIn(`/office/bundles/${id}`);
  const [filing, t] = await Promise.all([loadBundleFilingOr404(actor, id), getTranslations("bundles")]);
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/office/bundles">{t("backToOffice")}</BackLink>
      <PageTitle>{t.rich("filingTitleFor", { bundle: filing.bundle.name, data: dataTag })}</PageTitle>
      <BundleFilingPanel filing={filing} returnTo={`/office/bundles/${id}`} actions={{ survey: scheduleJointSurveyAction, handover: deliverBundleAction }} />
    </div>
  );
}
