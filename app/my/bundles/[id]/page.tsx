// The applicant's bundle filing (一件事): one upload per material slot, one submission, then every
// item's state side by side until the one delivery.
import { getTranslations } from "next-intl/server";
import { BundleFilingPanel } from "@/components/bundles/bundle-filing-panel";
import { Notice, PageTitle } from "@/components/ui/notice";
import { dataTag } from "@/components/ui/data";
import { requireArea } from "@/lib/server/auth/current-actor";
import { submitBundleAction } from "@/app/bundles/actions";
import { loadBundleFilingOr404 } from "@/app/bundles/load-filing";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("bundles"))("filingTitle") };
}

export default async function MyBundlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ upload?: string }> }) {
  const [{ id }, { upload }] = await Promise.all([params, searchParams]);
  const actor = await requireArea("my", `/my/bundles/${id}`);
  const [filing, t, ta] = await Promise.all([loadBundleFilingOr404(actor, id), getTranslations("bundles"), getTranslations("application")]);
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/my">{ta("backToMine")}</BackLink>
      <PageTitle>{t.rich("filingTitleFor", { bundle: filing.bundle.name, data: dataTag })}</PageTitle>
      {upload && <Notice kind={upload === "ok" ? "success" : "error"}>{upload === "ok" ? ta("upload.done") : upload}</Notice>}
      <BundleFilingPanel filing={filing} returnTo={`/my/bundles/${id}`} actions={{ submit: submitBundleAction }} />
    </div>
  );
}
