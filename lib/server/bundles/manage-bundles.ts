// The administrator defines a bundle (一件事): its items with their rules and the materials given once.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { bundleDefinitionProblem, parseBundleLines, repeatedMaterialNames } from "@/lib/domain/bundles/bundles";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZDefineBundleInput } from "./schemas";

export async function defineBundle(opts: { actor: Actor | null; input: z.input<typeof ZDefineBundleInput> }) {
  const actor = await requirePermission(opts.actor, "catalogue:administer", "defineBundle");
  const input = ZDefineBundleInput.parse(opts.input);
  const { lines, problems } = parseBundleLines(input.items);
  if (problems.length) throw new AppError("VALIDATION", "bundle.items", { fieldErrors: { items: `bundle.line.${problems[0].code}` }, details: { line: problems[0].line } });
  const items = await db().item.findMany({
    where: { implementationCode: { in: lines.map((l) => l.code) }, sectionId: { not: null } },
    include: { currentVersion: { include: { materials: { select: { name: true } } } } },
  });
  const byCode = new Map(items.filter((i) => i.currentVersion).map((i) => [i.implementationCode, i]));
  if (lines.some((l) => !byCode.has(l.code))) throw new AppError("VALIDATION", "bundle.items", { fieldErrors: { items: "bundle.line.unknown" } });
  const rules = lines.map((l) => ({ itemId: byCode.get(l.code)!.id, required: l.required, siteSurvey: l.siteSurvey }));
  const problem = bundleDefinitionProblem(rules);
  if (problem) throw new AppError(problem, problem, { field: "items" });
  // Unless the administrator named them, the materials two or more items ask for are given once.
  const named = input.sharedMaterials.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  const sharedMaterials = named.length ? named : repeatedMaterialNames(lines.map((l) => byCode.get(l.code)!.currentVersion!.materials));
  try {
    return await db().$transaction(async (tx) => {
      const bundle = await tx.bundle.create({ data: { code: input.code, name: input.name, description: input.description, sharedMaterials, createdById: actor.id } });
      await tx.bundleItem.createMany({ data: rules.map((r, position) => ({ bundleId: bundle.id, position, ...r })) });
      await recordAuditEvent(tx, { actor, action: "bundle.defined", entityType: "Bundle", entityId: bundle.id, after: { code: input.code, name: input.name, items: lines, sharedMaterials } });
      return { id: bundle.id, code: bundle.code };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT", "bundle code or name taken", { field: "code" });
    throw e;
  }
}

/** Every bundle for the administrator, active or not. */
export async function listBundlesForAdmin(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "catalogue:administer", "listBundlesForAdmin");
  const bundles = await db().bundle.findMany({ orderBy: { code: "asc" }, include: { items: { orderBy: { position: "asc" } }, _count: { select: { filings: true } } } });
  const names = new Map((await db().itemVersion.findMany({ where: { currentOf: { id: { in: bundles.flatMap((b) => b.items.map((i) => i.itemId)) } } }, select: { itemId: true, name: true } })).map((v) => [v.itemId, v.name]));
  return bundles.map((b) => ({ code: b.code, name: b.name, active: b.active, filings: b._count.filings, sharedMaterials: b.sharedMaterials, items: b.items.map((i) => ({ name: names.get(i.itemId) ?? "", required: i.required, siteSurvey: i.siteSurvey })) }));
}
