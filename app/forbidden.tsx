// 403 page, rendered by forbidden() when a role opens a page it may not use.
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/frame/status-page";

export default async function Forbidden() {
  const t = await getTranslations("pages");
  return <StatusPage testId="forbidden" title={t("forbiddenTitle")} body={t("forbiddenBody")} backHome={t("backHome")} />;
}
