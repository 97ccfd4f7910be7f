// One of the applicant's applications: materials, next step, notices, timeline, receipt.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StateBadge } from "@/components/applications/application-summary";
import { FilerWorkspace } from "@/components/applications/filer-workspace";
import { PageTitle } from "@/components/ui/notice";
import { isAppError } from "@/lib/errors";
import { listReusableFiles } from "@/lib/server/applications/materials";
import { getApplication } from "@/lib/server/applications/queries";
import { requireArea } from "@/lib/server/auth/current-actor";
import { reuseFileAction, submitApplicationAction, withdrawApplicationAction } from "../../actions";

export const metadata = { title: "办件详情" };

export default async function MyApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ upload?: string }> }) {
  const [{ id }, { upload }] = await Promise.all([params, searchParams]);
  const actor = await requireArea("my", `/my/applications/${id}`);
  const app = await getApplication({ actor, applicationId: id }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [t, reusable] = await Promise.all([getTranslations("application"), listReusableFiles({ actor, applicationId: id })]);
  return (
    <div className="flex flex-col gap-4">
      <p>
        <Link href="/my" className="text-blue-800 underline">
          ← {t("backToMine")}
        </Link>
      </p>
      <PageTitle>{app.item.name}</PageTitle>
      <p>
        <StateBadge state={app.state} label={t(`states.${app.state}`)} />
      </p>
      <FilerWorkspace
        app={app}
        reusable={reusable}
        returnTo={`/my/applications/${id}`}
        upload={upload}
        actions={{ submit: submitApplicationAction, reuse: reuseFileAction, withdraw: withdrawApplicationAction }}
        canWithdraw
      />
    </div>
  );
}
