// Administrator: edit an item and publish its next version.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ItemEditForm } from "@/components/forms/item-edit-form";
import { formatFormFieldSpec, formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { feeLinesOf, feeLinesText } from "@/lib/domain/fees/fees";
import { PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { loadGuide } from "@/app/items/[code]/load-guide";
import { publishItemVersionAction } from "../actions";
import { dataTag } from "@/components/ui/data";

const LABELS = [
  "name", "kind", "description", "eligibility", "legalBasis", "processSteps", "statutoryDays", "promisedDays", "feeNote", "visitsRequired", "onlineAvailable",
  "demoValues", "changeNote", "materials", "materialsHint", "materialName", "materialKind", "original", "copies", "note", "condition", "commitmentText", "commitmentTextHint", "publish", "published", "viewGuide", "formFields", "formFieldsHint", "feeLines", "feeLinesHint",
  "certificatePrefix", "certificatePrefixHint", "certificateValidityYears", "certificateValidityYearsHint",
] as const;

export default async function EditItemPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireArea("admin", `/office/admin/items/${code}`);
  const item = await loadGuide(code);
  const [t, tk, tg] = await Promise.all([getTranslations("office.items"), getTranslations("kinds"), getTranslations("guide")]);
  const g = item.guide;
  return (
    <div className="flex flex-col gap-4" data-testid="edit-item">
      <PageTitle>{t.rich("editTitle", { name: g.name, data: dataTag })}</PageTitle>
      <p>
        {t("editLead", { next: g.version + 1, version: g.version })}{" "}
        <Link href={`/items/${encodeURIComponent(item.implementationCode)}/history`} className="text-blue-800 underline">
          {tg("history")}
        </Link>
      </p>
      <ItemEditForm
        action={publishItemVersionAction}
        item={{ ...g, implementationCode: item.implementationCode, formFieldSpec: formatFormFieldSpec(formFieldsOf(g.formFields)), feeLineSpec: feeLinesText(feeLinesOf(g.feeLines)), certificatePrefix: item.certificatePrefix }}
        labels={Object.fromEntries(LABELS.map((k) => [k, t.raw(k) as string]))}
        kindOptions={(["INSTANT", "PROMISED", "REPORTED"] as const).map((k) => ({ value: k, label: tk(k) }))}
        materialKindOptions={[
          { value: "CORE", label: tg("core") },
          { value: "SUPPLEMENTARY", label: tg("supplementary") },
        ]}
      />
    </div>
  );
}
