// A case in the back office: the application as filed, its clock ledger and both due dates,
// review opinions, the actions the actor may take (review, suspend, extend, decide …), and its expert draws.
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicationHeader, ApplicationSummary } from "@/components/applications/application-summary";
import Link from "@/components/ui/link";
import { Notice } from "@/components/ui/notice";
import { CasePanel } from "@/components/cases/case-panel";
import { getApplication } from "@/lib/server/applications/queries";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { can } from "@/lib/domain/access/permissions";
import { homePathOf } from "@/lib/domain/access/roles";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { listCaseExpertDraws } from "@/lib/server/experts/list-case-expert-draws";
import { CASE_ACTIONS, DRAW_EXPERTS_ACTION } from "../case-actions-map";
import { ExpertDraws } from "./expert-draws";
import { PaymentNoticeCard } from "@/components/fees/payment-notice-card";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("case") };
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireSignedIn(`/office/cases/${id}`);
  if (!can(actor.role, "case:view")) forbidden();
  const [file, app, experts] = await orAccessPage(Promise.all([getCaseFile({ actor, applicationId: id }), getApplication({ actor, applicationId: id }), listCaseExpertDraws({ actor, applicationId: id })]));
  const [t, tb] = await Promise.all([getTranslations("case"), getTranslations("bundles")]);
  const back = homePathOf(actor.role);
  return (
    <div className="flex flex-col gap-4">
      <ApplicationHeader app={app} back={{ href: back, label: t("back") }} />
      {file.bundleFilingId && (
        <Notice kind="info">
          {tb("partOf")}{" "}
          <Link href={`/office/bundles/${file.bundleFilingId}`} className="underline" data-testid="case-bundle-link">
            {tb("openBundle")}
          </Link>
        </Notice>
      )}
      {file.payment && <PaymentNoticeCard notice={file.payment} applicationId={file.id} />}
      <CasePanel file={file} actions={CASE_ACTIONS} />
      <ExpertDraws applicationId={file.id} {...experts} mayDraw={file.actions.some((a) => a.action === "DRAW_EXPERTS" && a.allowed)} action={DRAW_EXPERTS_ACTION} />
      <ApplicationSummary app={app} />
    </div>
  );
}
