// The required materials of an item version (core vs supplementary, original or copy, copies).
import { getTranslations } from "next-intl/server";

export type MaterialRow = { id: string; name: string; kind: "CORE" | "SUPPLEMENTARY"; originalRequired: boolean; copies: number; note: string; templateUrl: string };

export async function MaterialsTable({ materials }: { materials: MaterialRow[] }) {
  const t = await getTranslations("guide");
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="materials">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-2">#</th>
            <th scope="col" className="py-2 pr-3">{t("materialName")}</th>
            <th scope="col" className="py-2 pr-3">{t("materialKind")}</th>
            <th scope="col" className="py-2 pr-3">{t("materialForm")}</th>
            <th scope="col" className="py-2 pr-3">{t("materialCopies")}</th>
            <th scope="col" className="py-2 pr-3">{t("materialNote")}</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((m, i) => (
            <tr key={m.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-2">{i + 1}</td>
              <td className="py-2 pr-3">
                {m.name}
                {m.templateUrl && (
                  <a href={m.templateUrl} className="ml-2 text-blue-800 underline">
                    {t("template")}
                  </a>
                )}
              </td>
              <td className="py-2 pr-3">{m.kind === "CORE" ? t("core") : t("supplementary")}</td>
              <td className="py-2 pr-3">{m.originalRequired ? t("original") : t("copy")}</td>
              <td className="py-2 pr-3">{t("copies", { n: m.copies })}</td>
              <td className="py-2 pr-3">{m.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
