// Administrator: import a published item list (CSV) with a per-row report.
import { getTranslations } from "next-intl/server";
import { ItemImportForm } from "@/components/forms/item-import-form";
import { PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { importItemListAction } from "../actions";

const LABELS = ["file", "importSubmit", "report", "applied", "notApplied", "row", "code", "action", "reason", "create", "update", "skip", "error"] as const;

export default async function ImportItemsPage() {
  await requireArea("admin", "/office/admin/items/import");
  const t = await getTranslations("office.items");
  const reasons = t.raw("reasons") as Record<string, string>;
  return (
    <div className="flex flex-col gap-4" data-testid="import-items">
      <PageTitle>{t("importTitle")}</PageTitle>
      <p>{t("importLead")}</p>
      <ItemImportForm action={importItemListAction} labels={Object.fromEntries(LABELS.map((k) => [k, t.raw(k) as string]))} reasons={reasons} />
    </div>
  );
}
