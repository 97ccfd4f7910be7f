// One of the applicant's applications: materials, next step, notices, timeline, receipt.
import { getTranslations } from "next-intl/server";
import { ApplicationHeader } from "@/components/applications/application-summary";
import { FilerWorkspace } from "@/components/applications/filer-workspace";
import { listReusableFiles } from "@/lib/server/applications/materials";
import { loadApplicationOr404 } from "@/app/applications/load-application";
import { requireArea } from "@/lib/server/auth/current-actor";
import { onlineRatingState } from "@/lib/server/ratings/rate-service";
import { RatingForm } from "@/components/ratings/rating-form";
import { ratingLabels } from "@/components/ratings/rating-labels";
import { Card, Notice } from "@/components/ui/notice";
import { PaymentNoticeCard } from "@/components/fees/payment-notice-card";
import { paymentPageUrl } from "@/lib/server/fees/fiscal-channel";
import { publicUrl } from "@/lib/server/public-url";
import { askPaymentStatusAction, chooseDeliveryAction, rateOnlineAction, reuseFileAction, signCommitmentAction, submitApplicationAction, withdrawApplicationAction } from "../../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("application") };
}

export default async function MyApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ upload?: string }> }) {
  const [{ id }, { upload }] = await Promise.all([params, searchParams]);
  const actor = await requireArea("my", `/my/applications/${id}`);
  const app = await loadApplicationOr404(actor, id);
  const [t, tr, reusable, rating, labels] = await Promise.all([getTranslations("application"), getTranslations("ratings"), listReusableFiles({ actor, applicationId: id }), onlineRatingState({ actor, applicationId: id }), ratingLabels()]);
  return (
    <div className="flex flex-col gap-4">
      <ApplicationHeader app={app} back={{ href: app.bundleFilingId ? `/my/bundles/${app.bundleFilingId}` : "/my", label: t(app.bundleFilingId ? "backToBundle" : "backToMine") }} />
      {app.payment && (
        <PaymentNoticeCard
          notice={app.payment}
          applicationId={id}
          payUrl={paymentPageUrl(app.payment.code, await publicUrl(`/my/applications/${id}`))}
          askStatus={askPaymentStatusAction}
        />
      )}
      <FilerWorkspace
        app={app}
        reusable={reusable}
        returnTo={`/my/applications/${id}`}
        upload={upload}
        actions={{ submit: submitApplicationAction, reuse: reuseFileAction, withdraw: withdrawApplicationAction, chooseDelivery: chooseDeliveryAction, commit: signCommitmentAction }}
      />
      {rating.rateable && (
        <Card title={tr("title")}>
          <p className="mb-2">{tr("onlineLead")}</p>
          <RatingForm action={rateOnlineAction} fields={{ applicationId: id }} service="ONLINE" labels={labels} anonymousChoice testId="rating-form" />
        </Card>
      )}
      {rating.rated && <Notice kind="info">{tr("alreadyRated")}</Notice>}
    </div>
  );
}
