// The required materials of an item version (core vs supplementary, original or copy, copies).
import { getTranslations } from "next-intl/server";
import { TableHead } from "@/components/ui/table-head";
import { Data, dataTag } from "@/components/ui/data";

export type MaterialRow = { id: string; name: string; kind: "CORE" | "SUPPLEMENTARY"; originalRequired: boolean; copies: number; note: string; templateUrl: string; condition?: string; commitmentText?: string };

/** `locale`: for an official document (the slip), always zh-CN; otherwise the page's language. */
export async function MaterialsTable({ materials, locale }: { materials: MaterialRow[]; locale?: "zh-CN" }) {
  const t = locale ? await getTranslations({ locale, namespace: "guide" }) : await getTranslations("guide");
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="materials">
        <TableHead columns={["#", t("materialName"), t("materialKind"), t("materialForm"), t("materialCopies"), t("materialNote")]} />
        <tbody>
          {materials.map((m, i) => (
            <tr key={m.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-2">{i + 1}</td>
              <td className="py-2 pr-3">
                <Data>{m.name}</Data>
                {m.templateUrl && (
                  <a href={m.templateUrl} className="ml-2 text-blue-800 underline">
                    {t("template")}
                  </a>
                )}
              </td>
              <td className="py-2 pr-3">
                {m.kind === "CORE" ? t("core") : t("supplementary")}
                {m.condition && <span className="block text-slate-700">{t.rich("conditional", { condition: m.condition, data: dataTag })}</span>}
                {m.commitmentText && <span className="block text-amber-900" data-testid={`commitment-offered-${m.id}`}>{t("commitmentOffered")}</span>}
              </td>
              <td className="py-2 pr-3">{m.originalRequired ? t("original") : t("copy")}</td>
              <td className="py-2 pr-3">{t("copies", { n: m.copies })}</td>
              <td className="py-2 pr-3">
                <Data>{m.note}</Data>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
