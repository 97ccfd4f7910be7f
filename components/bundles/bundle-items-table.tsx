// The items of a bundle with their rule (required / optional) and whether the joint survey covers them.
import { getTranslations } from "next-intl/server";
import { TableHead } from "@/components/ui/table-head";
import { Data } from "@/components/ui/data";

export async function BundleItemsTable({ lines }: { lines: { item: { implementationCode: string; section: { name: string } | null }; version: { name: string; kind: string; promisedDays: number }; rule: { required: boolean; siteSurvey: boolean } }[] }) {
  const [t, tk] = await Promise.all([getTranslations("bundles"), getTranslations("kinds")]);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="bundle-items">
        <TableHead columns={[t("item"), t("section"), t("kind"), t("rule"), t("survey")]} />
        <tbody>
          {lines.map((l) => (
            <tr key={l.item.implementationCode} className="border-b border-slate-100">
              <td className="py-2 pr-3">
                <a href={`/items/${encodeURIComponent(l.item.implementationCode)}`} className="text-blue-800 underline">
                  <Data>{l.version.name}</Data>
                </a>
              </td>
              <td className="py-2 pr-3">
                <Data>{l.item.section?.name ?? ""}</Data>
              </td>
              <td className="py-2 pr-3">{tk(l.version.kind)}</td>
              <td className="py-2 pr-3">{t(l.rule.required ? "required" : "optional")}</td>
              <td className="py-2 pr-3">{l.rule.siteSurvey ? t("surveyYes") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
