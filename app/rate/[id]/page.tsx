// 好差评 from a phone: the QR code on the window's receipt (or the SMS after an intake or a pick-up)
// opens this page for that visit, without sign-in; the link's key is the only authority, and the
// visit can be rated once.
import { getTranslations } from "next-intl/server";
import { RatingForm } from "@/components/ratings/rating-form";
import { ratingLabels } from "@/components/ratings/rating-labels";
import { RatedVisit, VISIT_LABEL } from "@/components/ratings/rated-visit";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { orAccessPage } from "@/lib/server/http-errors";
import { ratingTarget } from "@/lib/server/ratings/rate-service";
import { rateByLinkAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("ratings"))("title") };
}

export default async function RateByLinkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const token = typeof sp.t === "string" ? sp.t.slice(0, 60) : "";
  // The visit the link names: none for the intake (the receipt's code), PICKUP-<certificate> for a pick-up.
  const visit = typeof sp.v === "string" ? sp.v.slice(0, 80) : undefined;
  const [t, labels, target] = await Promise.all([getTranslations("ratings"), ratingLabels(), orAccessPage(ratingTarget({ applicationId: id, token, visit }))]);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <RatedVisit label={t(VISIT_LABEL[target.visit])} number={target.number} itemName={target.itemName} certificateNumber={target.certificateNumber} />
      {target.rated ? (
        <Notice kind="info">{t("alreadyRated")}</Notice>
      ) : (
        <Card>
          <p className="mb-2">{t("lead")}</p>
          <RatingForm action={rateByLinkAction} fields={{ applicationId: id, token, ...(visit ? { visit } : {}) }} service="WINDOW" labels={labels} anonymousChoice={false} testId="rating-form" />
        </Card>
      )}
    </div>
  );
}
