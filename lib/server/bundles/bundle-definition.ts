// A bundle as the public and the filing form see it: its items in order with their current guides,
// the ONE form (union of the items' fields) and the upload slots (shared materials once).
import "server-only";
import { materialSlots, unionFormFields, type BundleRule } from "@/lib/domain/bundles/bundles";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";

export async function listBundles() {
  const bundles = await db().bundle.findMany({
    where: { active: true },
    orderBy: { code: "asc" },
    include: { items: { orderBy: { position: "asc" }, select: { required: true, itemId: true } } },
  });
  return bundles.map((b) => ({ code: b.code, name: b.name, description: b.description, items: b.items.length, required: b.items.filter((i) => i.required).length }));
}

/** The bundle with everything its filing form needs; NOT_FOUND for an unknown or inactive one. */
export async function loadBundle(code: string) {
  const bundle = await db().bundle.findUnique({ where: { code }, include: { items: { orderBy: { position: "asc" } } } });
  if (!bundle?.active) throw new AppError("NOT_FOUND", "bundle");
  const items = await db().item.findMany({
    where: { id: { in: bundle.items.map((i) => i.itemId) } },
    include: { section: { select: { name: true } }, currentVersion: { include: { materials: { orderBy: { position: "asc" } } } } },
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  const lines = bundle.items.flatMap((rule) => {
    const item = byId.get(rule.itemId);
    // An item the bureau no longer runs (no section, no published guide) drops out of the bundle.
    if (!item?.currentVersion || !item.sectionId) return [];
    return [{ rule: { itemId: rule.itemId, required: rule.required, siteSurvey: rule.siteSurvey } satisfies BundleRule, item, version: item.currentVersion }];
  });
  const fields = unionFormFields(lines.map((l) => formFieldsOf(l.version.formFields)));
  const slots = materialSlots(
    lines.map((l) => l.version.materials.map((m) => ({ id: m.id, name: m.name, kind: m.kind, condition: m.condition }))),
    bundle.sharedMaterials,
  );
  return { id: bundle.id, code: bundle.code, name: bundle.name, description: bundle.description, sharedMaterials: bundle.sharedMaterials, lines, fields, slots };
}
export type LoadedBundle = Awaited<ReturnType<typeof loadBundle>>;
