// The public catalogue (事项清单): ranked search (search-terms.ts says what a query means), combined filters, pages.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { boundedQuery, SEARCH_SYNONYMS, searchPlan } from "@/lib/domain/catalogue/search-terms";
import { ITEM_SUMMARY_SELECT, toItemSummaries } from "./item-summary";

export const CATALOGUE_PAGE_SIZE = 20;

/** Query-string filters; anything malformed is ignored rather than failing the page. */
export const ZCatalogueQuery = z.object({
  /** Cut to MAX_QUERY_LENGTH (the page says so), never dropped. */
  q: z.string().catch("").transform((raw) => boundedQuery(raw).q),
  department: z.string().max(40).catch(""),
  section: z.string().max(40).catch(""),
  kind: z.enum(["INSTANT", "PROMISED", "REPORTED", ""]).catch(""),
  /** "0": no visit needed; "1": at most one visit. */
  visits: z.enum(["0", "1", ""]).catch(""),
  online: z.enum(["1", ""]).catch(""),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type TCatalogueQuery = z.infer<typeof ZCatalogueQuery> & { tooLong?: boolean };

export function parseCatalogueQuery(params: Record<string, string | string[] | undefined>): TCatalogueQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v ?? ""]));
  const parsed = ZCatalogueQuery.parse({ q: "", department: "", section: "", kind: "", visits: "", online: "", page: 1, ...flat });
  return { ...parsed, tooLong: boundedQuery(typeof flat.q === "string" ? flat.q : "").tooLong };
}

/** The filters other than the query. */
function filterSql(f: TCatalogueQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.kind) parts.push(Prisma.sql`v.kind::text = ${f.kind}`);
  if (f.visits) parts.push(Prisma.sql`v."visitsRequired" <= ${Number(f.visits)}`);
  if (f.online) parts.push(Prisma.sql`v."onlineAvailable"`);
  if (f.department) parts.push(Prisma.sql`i."departmentId" = ${f.department}`);
  if (f.section) parts.push(Prisma.sql`i."sectionId" = ${f.section}`);
  return Prisma.join(parts, " AND ");
}

/** An item's name without its parenthesised parts: 食品(含保健食品)经营许可核发 → 食品经营许可核发. */
const NAME_CORE = Prisma.sql`regexp_replace(v.name, '[（(][^）)]*[）)]', '', 'g')`;

type Ranked = { id: string; total: bigint; approximate: boolean };

/**
 * Ranked search, one statement. A name "holds" a word when the word occurs in the name, in the name
 * without its parenthesised parts ("食品经营许可" in "食品(含保健食品)经营许可核发"), or in the
 * department's name. Strong matches hold every word or a synonym's term; only when there are none do
 * approximate matches count (most of the query's characters in the name, or trigram word
 * similarity). Within a tier: literal before synonym before department, then (for literal and approximate matches: the query's
 * characters and similarity are about the name) similarity, then the shorter name (the plain item before its variants), then the catalogue's order. The trigram index on ItemVersion.name serves the similarity operators.
 */
async function rankedIds(f: TCatalogueQuery): Promise<Ranked[]> {
  const plan = searchPlan(f.q);
  const offset = (f.page - 1) * CATALOGUE_PAGE_SIZE;
  if (plan.words.length === 0) {
    return db().$queryRaw<Ranked[]>`
      SELECT i.id, count(*) OVER () AS total, false AS approximate
      FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId" LEFT JOIN "Section" s ON s.id = i."sectionId"
      WHERE ${filterSql(f)}
      ORDER BY s.code NULLS LAST, i."implementationCode"
      LIMIT ${CATALOGUE_PAGE_SIZE} OFFSET ${offset}`;
  }
  return db().$queryRaw<Ranked[]>`
    WITH cand AS (
      SELECT i.id, i."implementationCode" AS code, s.code AS section_code, lower(v.name) AS name,
             lower(${NAME_CORE}) AS core, lower(d.name) AS dept, v.name AS raw_name
      FROM "Item" i
      JOIN "ItemVersion" v ON v.id = i."currentVersionId"
      JOIN "Department" d ON d.id = i."departmentId"
      LEFT JOIN "Section" s ON s.id = i."sectionId"
      WHERE ${filterSql(f)}
    ), scored AS (
      SELECT id, code, section_code, length(core) AS name_length,
        NOT EXISTS (SELECT 1 FROM unnest(${plan.words}::text[]) w WHERE strpos(name, w) = 0 AND strpos(core, w) = 0) AS literal,
        NOT EXISTS (SELECT 1 FROM unnest(${plan.words}::text[]) w WHERE strpos(name, w) = 0 AND strpos(core, w) = 0 AND strpos(dept, w) = 0) AS held,
        (SELECT count(*) FROM unnest(${plan.expansions}::text[]) e WHERE strpos(name, e) > 0 OR strpos(core, e) > 0 OR strpos(dept, e) > 0) AS synonyms,
        (SELECT count(*) FROM unnest(${plan.characters}::text[]) c WHERE strpos(name, c) > 0)::float8 / greatest(cardinality(${plan.characters}::text[]), 1) AS char_share,
        word_similarity(${plan.text}, raw_name) AS similarity
      FROM cand
    ), tiered AS (
      SELECT *, held OR synonyms > 0 AS strong,
             (cardinality(${plan.characters}::text[]) >= 2 AND char_share >= 0.6) OR similarity >= 0.3 AS near
      FROM scored
    ), chosen AS (
      SELECT *, NOT EXISTS (SELECT 1 FROM tiered WHERE strong) AS approximate FROM tiered
    )
    SELECT id, count(*) OVER () AS total, approximate
    FROM chosen
    WHERE CASE WHEN approximate THEN near ELSE strong END
    ORDER BY literal DESC, synonyms DESC, held DESC, CASE WHEN literal OR approximate THEN char_share + similarity ELSE 0 END DESC, name_length, section_code NULLS LAST, code
    LIMIT ${CATALOGUE_PAGE_SIZE} OFFSET ${offset}`;
}

export async function searchCatalogue(f: TCatalogueQuery) {
  const ranked = await rankedIds(f);
  // A page past the end (a stale link) has no rows and so no total: the first page has it.
  const head = ranked[0] ?? (f.page > 1 ? (await rankedIds({ ...f, page: 1 }))[0] : undefined);
  const rows = ranked.length ? await db().item.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, select: ITEM_SUMMARY_SELECT }) : [];
  const byId = new Map(toItemSummaries(rows).map((i) => [i.id, i]));
  const items = ranked.flatMap((r) => byId.get(r.id) ?? []);
  const total = head ? Number(head.total) : 0;
  const approximate = head?.approximate ?? false;
  // Nothing found, or only approximately: offer the nearest terms ("营业执造" → 营业执照).
  const suggestions = f.q && (total === 0 || approximate) ? await didYouMean(f.q) : [];
  return {
    items,
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    approximate,
    suggestions,
  };
}

/** "Did you mean": the everyday terms and item names nearest to a query that found nothing as typed. */
async function didYouMean(q: string): Promise<string[]> {
  const terms = SEARCH_SYNONYMS.flatMap((s) => s.says);
  const rows = await db().$queryRaw<{ term: string }[]>`
    WITH c AS (
      SELECT unnest(${terms}::text[]) AS term
      UNION SELECT ${NAME_CORE} FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId"
    )
    SELECT term FROM c WHERE similarity(term, ${q}) >= 0.2 ORDER BY similarity(term, ${q}) DESC, term LIMIT 3`;
  return rows.map((r) => r.term);
}

/** Choices for the filter form: departments and sections that have published items. */
export async function catalogueFacets() {
  const [departments, sections] = await Promise.all([
    db().department.findMany({ where: { items: { some: { currentVersionId: { not: null } } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().section.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
  ]);
  return { departments, sections };
}
