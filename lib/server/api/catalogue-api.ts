// The catalogue through the open API: the portal's own search and guide services, shaped for the contract.
import "server-only";
import type { z } from "zod";
import { boundedQuery } from "@/lib/domain/catalogue/search-terms";
import { feeLinesOf } from "@/lib/domain/fees/fees";
import { getItemGuide } from "@/lib/server/catalogue/get-item-guide";
import { searchCatalogue, ZCatalogueQuery } from "@/lib/server/catalogue/search-catalogue";
import type { ZGuide, ZItemList, ZItemsQuery } from "./contract";

export async function listItemsForApi(query: z.output<typeof ZItemsQuery>): Promise<z.input<typeof ZItemList>> {
  const raw = query.q ?? "";
  const { tooLong } = boundedQuery(raw);
  const f = ZCatalogueQuery.parse({
    q: raw,
    department: query.department ?? "",
    section: query.section ?? "",
    kind: query.kind ?? "",
    visits: "",
    online: query.online === "true" ? "1" : "",
    page: query.page ?? 1,
  });
  const found = await searchCatalogue({ ...f, tooLong });
  return {
    items: found.items.map((i) => ({
      code: i.implementationCode,
      name: i.name,
      version: i.version,
      kind: i.kind,
      department: i.department,
      section: i.section,
      statutoryDays: i.statutoryDays,
      promisedDays: i.promisedDays,
      visitsRequired: i.visitsRequired,
      onlineAvailable: i.onlineAvailable,
    })),
    total: found.total,
    page: found.page,
    pages: found.pages,
    approximate: found.approximate,
    suggestions: found.suggestions,
    queryCut: tooLong,
  };
}

export async function getGuideForApi(code: string): Promise<z.input<typeof ZGuide>> {
  const g = await getItemGuide(code);
  const v = g.guide;
  return {
    code: g.implementationCode,
    basicCode: g.basicCode,
    name: v.name,
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    kind: v.kind,
    department: g.department,
    section: g.section,
    what: { description: v.description, eligibility: v.eligibility },
    legalBasis: v.legalBasis,
    materials: v.materials.map((m) => ({
      name: m.name,
      kind: m.kind,
      originalRequired: m.originalRequired,
      copies: m.copies,
      note: m.note,
      condition: m.condition,
      commitmentOffered: m.commitmentText !== "",
    })),
    process: v.processSteps,
    timeLimits: { statutoryDays: v.statutoryDays, promisedDays: v.promisedDays },
    fees: { note: v.feeNote, lines: feeLinesOf(v.feeLines) },
    visitsRequired: v.visitsRequired,
    onlineAvailable: v.onlineAvailable,
  };
}
