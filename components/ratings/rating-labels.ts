// The rating form's labels in the reader's language (one place for the three pages that rate).
import { getTranslations } from "next-intl/server";
import { RATING_ASPECTS, RATING_LEVELS } from "@/lib/domain/ratings/ratings";
import type { RatingLabels } from "./rating-form";

export async function ratingLabels(): Promise<RatingLabels> {
  const t = await getTranslations("ratings");
  const aspects = [...new Set([...RATING_ASPECTS.ONLINE, ...RATING_ASPECTS.WINDOW])];
  return {
    level: t("level"),
    levels: Object.fromEntries(RATING_LEVELS.map((l) => [l, t(`levels.${l}`)])) as RatingLabels["levels"],
    aspects: Object.fromEntries(aspects.map((a) => [a, t(`aspects.${a}`)])),
    notRated: t("notRated"),
    comment: t("comment"),
    anonymous: t("anonymous"),
    submit: t("submit"),
    done: t("done"),
  };
}
