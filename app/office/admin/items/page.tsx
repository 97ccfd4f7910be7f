// Administrator: find an item to edit, or import a published item list.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { parseCatalogueQuery, searchCatalogue } from "@/lib/server/catalogue/search-catalogue";
import { Data } from "@/components/ui/data";

export default async function AdminItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("admin", "/office/admin/items");
  const query = parseCatalogueQuery(await searchParams);
  const [t, tc, result] = await Promise.all([getTranslations("office.items"), getTranslations("catalogue"), searchCatalogue(query)]);
  return (
    <div className="flex flex-col gap-4" data-testid="admin-items">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <p>
        <Link href="/office/admin/items/import" className="text-blue-800 underline">
          {t("import")}
        </Link>
      </p>
      <form method="get" className="flex gap-2" role="search">
        <label htmlFor="admin-q" className="sr-only">
          {t("search")}
        </label>
        <input id="admin-q" name="q" type="search" defaultValue={query.q} placeholder={t("search")} className="min-w-0 flex-1 rounded border border-slate-500 px-3 py-2" />
        <button type="submit" className="rounded bg-brand px-4 py-2 text-white">
          {tc("submit")}
        </button>
      </form>
      <p role="status">{tc("results", { total: result.total })}</p>
      <ul className="flex flex-col gap-2">
        {result.items.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 bg-white p-3">
            <span>
              <Data>{i.name}</Data> <span className="text-sm text-slate-700">{t("currentParen", { version: i.version })}</span>
            </span>
            <Link href={`/office/admin/items/${encodeURIComponent(i.implementationCode)}`} className="text-blue-800 underline">
              {t("edit")}
              <span className="sr-only">
                {" "}
                <Data>{i.name}</Data>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
