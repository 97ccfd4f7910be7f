// Window clerk's home: the intake queue (filled by the applications issue) and the item scope.
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { getCatalogueStats } from "@/lib/server/catalogue/get-catalogue-stats";

export default async function WindowPage() {
  await requireArea("window", "/office/window");
  const [t, stats] = await Promise.all([getTranslations("office.window"), getCatalogueStats()]);
  return (
    <div className="flex flex-col gap-4" data-testid="home-CLERK">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card title={t("queue")}>
        <p>{t("empty")}</p>
      </Card>
      <p>{t("items", { count: stats.items, instant: stats.instant })}</p>
    </div>
  );
}
