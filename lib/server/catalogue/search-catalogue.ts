// The public catalogue (事项清单): search by words of the name, combined filters, pages.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/prisma/generated/client";
import { boundedQuery, likeLiteral, searchCharacters, searchWords } from "@/lib/domain/catalogue/search-terms";
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

/** Every term must occur in the name, literally (% and _ are characters). */
const nameHasAll = (terms: string[]): Prisma.ItemVersionWhereInput[] => terms.map((t) => ({ name: { contains: likeLiteral(t), mode: "insensitive" as const } }));

export function catalogueWhere(f: TCatalogueQuery, match: "words" | "characters" = "words"): Prisma.ItemWhereInput {
  const version: Prisma.ItemVersionWhereInput = {};
  // Chinese has no spaces between words: every space-separated term must occur in the name; failing
  // that, every character of a Chinese query, in any order.
  const terms = match === "words" ? searchWords(f.q) : searchCharacters(f.q);
  if (terms.length) version.AND = nameHasAll(terms);
  if (f.kind) version.kind = f.kind;
  if (f.visits) version.visitsRequired = { lte: Number(f.visits) };
  if (f.online) version.onlineAvailable = true;
  return {
    currentVersion: { is: version },
    ...(f.department ? { departmentId: f.department } : {}),
    ...(f.section ? { sectionId: f.section } : {}),
  };
}

export async function searchCatalogue(f: TCatalogueQuery) {
  const exact = await searchWith(f, catalogueWhere(f));
  if (exact.total > 0 || searchCharacters(f.q).length < 2) return { ...exact, approximate: false };
  // Nothing holds the words as typed: the items whose names hold all their characters.
  return { ...(await searchWith(f, catalogueWhere(f, "characters"))), approximate: true };
}

async function searchWith(f: TCatalogueQuery, where: Prisma.ItemWhereInput) {
  const [rows, total] = await Promise.all([
    db().item.findMany({
      where,
      select: ITEM_SUMMARY_SELECT,
      orderBy: [{ section: { code: "asc" } }, { implementationCode: "asc" }],
      skip: (f.page - 1) * CATALOGUE_PAGE_SIZE,
      take: CATALOGUE_PAGE_SIZE,
    }),
    db().item.count({ where }),
  ]);
  return { items: toItemSummaries(rows), total, page: f.page, pages: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)) };
}

/** Choices for the filter form: departments and sections that have published items. */
export async function catalogueFacets() {
  const [departments, sections] = await Promise.all([
    db().department.findMany({ where: { items: { some: { currentVersionId: { not: null } } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().section.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
  ]);
  return { departments, sections };
}
