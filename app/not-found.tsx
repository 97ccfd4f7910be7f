// 404 page.
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/frame/status-page";

export default async function NotFound() {
  const t = await getTranslations("pages");
  return <StatusPage testId="not-found" title={t("notFoundTitle")} body={t("notFoundBody")} backHome={t("backHome")} />;
}
