// Chief's home: decisions under delegated authority (the queue arrives with the back-office issue).
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";

export default async function ApprovePage() {
  await requireArea("approve", "/office/approve");
  const t = await getTranslations("office.approve");
  return (
    <div className="flex flex-col gap-4" data-testid="home-CHIEF">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <p>{t("empty")}</p>
      </Card>
    </div>
  );
}
