// 就近办 administered: the township centres, the items each may accept (by implementation code, the
// whole list replaced at once), and which window clerks work at which centre. Audited.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { can, rolesWith } from "@/lib/domain/access/permissions";
import { isCentreCode } from "@/lib/domain/centres/centres";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";

export const ZCentreInput = z.object({
  code: z.string().trim().refine(isCentreCode, "centre.code"),
  name: z.string().trim().min(2, "centre.name").max(60, "centre.name"),
  address: z.string().trim().max(200, "centre.address").default(""),
});
export const ZCentreItemsInput = z.object({ centreId: z.string().min(1).max(60), codes: z.string().max(40_000).default("") });
export const ZCentreClerkInput = z.object({ userId: z.string().min(1, "centre.clerk").max(60), centreId: z.string().max(60).default("") });

export async function listCentres(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "centres:administer", "listCentres");
  const [centres, clerks] = await Promise.all([
    db().serviceCentre.findMany({ orderBy: { code: "asc" }, include: { items: true } }),
    db().user.findMany({ where: { role: { in: [...rolesWith("intake:work")] }, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, loginId: true, centreId: true } }),
  ]);
  const items = new Map(
    (await db().item.findMany({ where: { id: { in: centres.flatMap((c) => c.items.map((i) => i.itemId)) } }, select: { id: true, implementationCode: true, currentVersion: { select: { name: true } } } })).map((i) => [i.id, i]),
  );
  return {
    centres: centres.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      address: c.address,
      items: c.items.map((i) => items.get(i.itemId)).filter((i) => !!i).map((i) => ({ code: i.implementationCode, name: i.currentVersion?.name ?? "" })),
      clerks: clerks.filter((u) => u.centreId === c.id).map((u) => ({ id: u.id, name: u.name })),
    })),
    clerks,
  };
}

export async function createCentre(opts: { actor: Actor | null; input: z.input<typeof ZCentreInput> }) {
  const actor = await requirePermission(opts.actor, "centres:administer", "createCentre");
  const input = ZCentreInput.parse(opts.input);
  try {
    return await db().$transaction(async (tx) => {
      const c = await tx.serviceCentre.create({ data: input });
      await recordAuditEvent(tx, { actor, action: "centre.created", entityType: "ServiceCentre", entityId: c.id, after: input });
      return { id: c.id };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT", "centre.exists", { field: "code" });
    throw e;
  }
}

/** Replaces the centre's items with those whose implementation codes are listed (one per line); an unknown code refuses all. */
export async function setCentreItems(opts: { actor: Actor | null; input: z.input<typeof ZCentreItemsInput> }) {
  const actor = await requirePermission(opts.actor, "centres:administer", "setCentreItems");
  const input = ZCentreItemsInput.parse(opts.input);
  const codes = [...new Set(input.codes.split(/[\s,，]+/).map((c) => c.trim()).filter(Boolean))];
  const found = await db().item.findMany({ where: { implementationCode: { in: codes }, sectionId: { not: null } }, select: { id: true, implementationCode: true } });
  const unknown = codes.filter((c) => !found.some((f) => f.implementationCode === c));
  if (unknown.length) throw new AppError("VALIDATION", "centre.unknownItems", { field: "codes" });
  return db().$transaction(async (tx) => {
    const centre = await tx.serviceCentre.findUnique({ where: { id: input.centreId } });
    if (!centre) throw new AppError("NOT_FOUND", "centre");
    const before = await tx.centreItem.findMany({ where: { centreId: centre.id }, select: { itemId: true } });
    await tx.centreItem.deleteMany({ where: { centreId: centre.id } });
    await tx.centreItem.createMany({ data: found.map((f) => ({ centreId: centre.id, itemId: f.id })) });
    await recordAuditEvent(tx, { actor, action: "centre.items", entityType: "ServiceCentre", entityId: centre.id, before: { items: before.length }, after: { items: found.map((f) => f.implementationCode) } });
    return { id: centre.id, items: found.length };
  });
}

/** Puts a window clerk at a centre ("" = back at the bureau's hall). */
export async function setClerkCentre(opts: { actor: Actor | null; input: z.input<typeof ZCentreClerkInput> }) {
  const actor = await requirePermission(opts.actor, "centres:administer", "setClerkCentre");
  const input = ZCentreClerkInput.parse(opts.input);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, centreId: true } });
    if (!user || !can(user.role, "intake:work")) throw new AppError("VALIDATION", "centre.clerk", { field: "userId" });
    const centreId = input.centreId || null;
    if (centreId && !(await tx.serviceCentre.findUnique({ where: { id: centreId } }))) throw new AppError("NOT_FOUND", "centre", { field: "centreId" });
    await tx.user.update({ where: { id: user.id }, data: { centreId } });
    await recordAuditEvent(tx, { actor, action: "centre.clerk", entityType: "User", entityId: user.id, before: { centreId: user.centreId }, after: { centreId } });
    return { id: user.id, centreId };
  });
}
