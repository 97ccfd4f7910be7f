// Reviewer's home: the section's items (its cases arrive with the back-office issue).
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { ItemsTable } from "@/components/ui/items-table";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listSectionItems } from "@/lib/server/catalogue/list-sections";

export default async function ReviewPage() {
  const actor = await requireArea("review", "/office/review");
  const [t, scope] = await Promise.all([getTranslations("office.review"), listSectionItems({ actor })]);
  return (
    <div className="flex flex-col gap-4" data-testid={`home-${actor.role === "CHIEF" ? "CHIEF-review" : "REVIEWER"}`}>
      <PageTitle>{t("title")}</PageTitle>
      {scope.section ? (
        <>
          <p>{t("lead", { section: scope.section.name, duty: scope.section.duty })}</p>
          <Card>
            <ItemsTable items={scope.items} caption={t("items", { total: scope.total })} />
          </Card>
        </>
      ) : (
        <p>{t("noSection")}</p>
      )}
    </div>
  );
}
