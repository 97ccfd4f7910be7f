// The window's tablet, turned to the applicant: the visit this clerk has just finished — an intake or
// a certificate's pick-up — to be rated once (一次一评). Nothing is shown when no visit of the last
// half hour waits for a rating.
import { getTranslations } from "next-intl/server";
import { RatingForm } from "@/components/ratings/rating-form";
import { ratingLabels } from "@/components/ratings/rating-labels";
import { RatedVisit, VISIT_LABEL } from "@/components/ratings/rated-visit";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { lastWindowService } from "@/lib/server/ratings/rate-service";
import { rateOnDeviceAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("ratings"))("tabletTitle") };
}

export default async function WindowTabletPage() {
  const actor = await requireArea("window", "/office/window/rate");
  const [t, labels, service] = await Promise.all([getTranslations("ratings"), ratingLabels(), lastWindowService({ actor })]);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 text-lg" data-testid="rating-tablet">
      <PageTitle>{t("tabletTitle")}</PageTitle>
      {!service ? (
        <p data-testid="tablet-idle">{t("tabletIdle")}</p>
      ) : (
        <Card>
          <RatedVisit className="mb-2" label={t(VISIT_LABEL[service.kind])} number={service.number} itemName={service.itemName} certificateNumber={service.certificateNumber} />
          <p className="mb-2">{t("lead")}</p>
          <RatingForm key={`${service.id}:${service.visit}`} action={rateOnDeviceAction} fields={{ applicationId: service.id, visit: service.visit }} service="WINDOW" labels={labels} anonymousChoice testId="rating-form" />
        </Card>
      )}
    </div>
  );
}
