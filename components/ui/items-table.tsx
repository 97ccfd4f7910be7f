// A table of catalogue items with their kind and both time limits; demo values are marked.
import { getTranslations } from "next-intl/server";
import { TableHead } from "@/components/ui/table-head";
import { dataLang } from "@/components/ui/data";

export type ItemRow = {
  id: string;
  name: string;
  kind: "INSTANT" | "PROMISED" | "REPORTED";
  statutoryDays: number;
  promisedDays: number;
  demoValues: boolean;
  department: { name: string };
};

export async function ItemsTable({ items, caption }: { items: ItemRow[]; caption: string }) {
  const t = await getTranslations();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <TableHead columns={[t("table.item"), t("table.department"), t("table.kind"), t("table.statutory"), t("table.promised")]} />
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className="border-b border-slate-200">
              <td className="py-2 pr-3" {...dataLang(i.name)}>
                {i.name}
              </td>
              <td className="py-2 pr-3" {...dataLang(i.department.name)}>
                {i.department.name}
              </td>
              <td className="py-2 pr-3">{t(`kinds.${i.kind}`)}</td>
              <td className="py-2 pr-3">
                {t("table.days", { days: i.statutoryDays })}
                {i.demoValues && <span className="ml-1 text-xs text-slate-600">（{t("table.demo")}）</span>}
              </td>
              <td className="py-2 pr-3">{i.promisedDays === 0 ? t("table.onTheSpot") : t("table.days", { days: i.promisedDays })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
