// The catalogue's search and filter form: a plain GET form, so results are linkable and work without JS.
import { getTranslations } from "next-intl/server";
import type { TCatalogueQuery } from "@/lib/server/catalogue/search-catalogue";
import { dataLang } from "@/components/ui/data";

type Option = { id: string; name: string };

export async function CatalogueFilters({ query, departments, sections }: { query: TCatalogueQuery; departments: Option[]; sections: Option[] }) {
  const t = await getTranslations();
  const select = (name: keyof TCatalogueQuery, label: string, options: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`f-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={String(query[name] ?? "")} className="rounded border border-slate-500 bg-white px-2 py-2">
        <option value="">{t("catalogue.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} {...dataLang(o.label)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/items" role="search" className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="f-q" className="font-medium">
          {t("catalogue.search")}
        </label>
        <div className="flex gap-2">
          <input id="f-q" name="q" type="search" defaultValue={query.q} aria-describedby="f-q-hint" className="min-w-0 flex-1 rounded border border-slate-500 px-3 py-2" />
          <button type="submit" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
            {t("catalogue.submit")}
          </button>
        </div>
        <p id="f-q-hint" className="text-sm text-slate-600">
          {t.rich("catalogue.searchHint", { zh: (c) => <span lang="zh-CN">{c}</span> })}
        </p>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <legend className="sr-only">{t("catalogue.filters")}</legend>
        {select("department", t("catalogue.department"), departments.map((d) => ({ value: d.id, label: d.name })))}
        {select("section", t("catalogue.section"), sections.map((s) => ({ value: s.id, label: s.name })))}
        {select("kind", t("catalogue.kind"), (["INSTANT", "PROMISED", "REPORTED"] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) })))}
        {select("visits", t("catalogue.visits"), [
          { value: "0", label: t("catalogue.visits0") },
          { value: "1", label: t("catalogue.visits1") },
        ])}
        <div className="flex items-end gap-2 pb-2">
          <input id="f-online" name="online" type="checkbox" value="1" defaultChecked={query.online === "1"} className="h-5 w-5" />
          <label htmlFor="f-online">{t("catalogue.onlineOnly")}</label>
        </div>
      </fieldset>
      <div>
        <a href="/items" className="text-blue-800 underline">
          {t("catalogue.reset")}
        </a>
      </div>
    </form>
  );
}
