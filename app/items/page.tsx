// Public catalogue (事项清单): search, filters, pages; each result links to its guide.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CatalogueFilters } from "@/components/catalogue/catalogue-filters";
import { Notice, PageTitle } from "@/components/ui/notice";
import { MAX_QUERY_LENGTH } from "@/lib/domain/catalogue/search-terms";
import { catalogueFacets, parseCatalogueQuery, searchCatalogue, type TCatalogueQuery } from "@/lib/server/catalogue/search-catalogue";
import { Data, dataTag } from "@/components/ui/data";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue"))("title") };
}

function pageHref(query: TCatalogueQuery, page: number) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, page: String(page) })) if (v && !(k === "page" && v === "1")) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `/items?${qs}` : "/items";
}

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseCatalogueQuery(await searchParams);
  const [t, result, facets] = await Promise.all([getTranslations(), searchCatalogue(query), catalogueFacets()]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("catalogue.title")}</PageTitle>
      <p>{t("catalogue.lead")}</p>
      <CatalogueFilters query={query} departments={facets.departments} sections={facets.sections} />
      {query.tooLong && <Notice kind="info">{t("catalogue.tooLong", { max: MAX_QUERY_LENGTH })}</Notice>}
      <p role="status" data-testid="catalogue-count">
        {t("catalogue.results", { total: result.total })}
        {result.approximate && <span data-testid="catalogue-approximate"> {t.rich("catalogue.approximate", { q: query.q, data: dataTag })}</span>}
      </p>
      {result.suggestions.length > 0 && (
        <p data-testid="catalogue-suggestions">
          {t("catalogue.didYouMean")}
          {result.suggestions.map((s, n) => (
            <span key={s}>
              {n > 0 && t("common.listSeparator")}
              <Link href={`/items?${new URLSearchParams({ q: s })}`} className="text-blue-800 underline">
                <Data>{s}</Data>
              </Link>
            </span>
          ))}
        </p>
      )}
      {result.items.length === 0 ? (
        <p>{t("catalogue.noResults")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="catalogue-results">
          {result.items.map((i) => (
            <li key={i.id} className="rounded border border-slate-200 bg-white p-3">
              <Link href={`/items/${i.implementationCode}`} className="text-lg font-medium text-blue-800 underline">
                <Data>{i.name}</Data>
              </Link>
              <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
                <span>{t(`kinds.${i.kind}`)}</span>
                <Data>{i.department.name}</Data>
                {i.section && <Data>{i.section.name}</Data>}
                <span>
                  {t("guide.statutory")} {t("guide.days", { days: i.statutoryDays })} · {t("guide.promised")}{" "}
                  {i.promisedDays === 0 ? t("guide.onTheSpot") : t("guide.days", { days: i.promisedDays })}
                  {i.demoValues && `（${t("guide.demo")}）`}
                </span>
                <span>{t("catalogue.visitsValue", { n: i.visitsRequired })}</span>
                <span>{i.onlineAvailable ? t("catalogue.onlineYes") : t("catalogue.onlineNo")}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {result.pages > 1 && (
        <nav aria-label={t("catalogue.pagination")} className="flex items-center gap-4">
          {result.page > 1 && (
            <Link href={pageHref(query, result.page - 1)} className="text-blue-800 underline" rel="prev">
              {t("catalogue.prev")}
            </Link>
          )}
          <span>{t("catalogue.pageOf", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages && (
            <Link href={pageHref(query, result.page + 1)} className="text-blue-800 underline" rel="next">
              {t("catalogue.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
