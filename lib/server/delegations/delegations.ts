// 一纸授权: the director grants and revokes delegations; services ask who may decide what.
import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/domain/access/roles";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { delegationGrantProblems, type DelegationFacts } from "@/lib/domain/delegation/delegation";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireRole, type Actor } from "@/lib/server/auth/actor";
import { fromDateColumn, toDateColumn } from "@/lib/server/date-column";
import { db, type DbOrTx } from "@/lib/server/db";

const plainDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "delegation.date");
const idList = z.union([z.array(z.string()), z.string().transform((s) => s.split(/[\s,，]+/).filter(Boolean))]).default([]);

export const ZGrantDelegationInput = z.object({
  granteeUserId: z.string().trim().nullish().transform((v) => v || null),
  granteeRole: z.enum(ROLES).nullish().or(z.literal("")).transform((v) => v || null),
  itemIds: idList,
  /** 实施编码 of listed items, one per line (resolved to items here). */
  itemCodes: idList,
  sectionIds: idList,
  scope: z.enum(["INSTANT_ONLY", "INSTANT_AND_PROMISED"], "delegation.scope"),
  validFrom: plainDate,
  validTo: plainDate,
  note: z.string().trim().max(500).default(""),
});
export type TGrantDelegationInput = z.input<typeof ZGrantDelegationInput>;

export const ZRevokeDelegationInput = z.object({
  delegationId: z.string().trim().min(1),
  reason: z.string().trim().min(2, "delegation.revokeReason").max(500, "delegation.revokeReason"),
});


export async function grantDelegation(opts: { actor: Actor | null; input: TGrantDelegationInput; now?: Date }) {
  const actor = await requireRole(opts.actor, ["DIRECTOR"], "grantDelegation");
  const parsed = ZGrantDelegationInput.parse(opts.input);
  const byCode = parsed.itemCodes.length
    ? await db().item.findMany({ where: { implementationCode: { in: parsed.itemCodes } }, select: { id: true, implementationCode: true } })
    : [];
  const unknown = parsed.itemCodes.filter((c) => !byCode.some((i) => i.implementationCode === c));
  if (unknown.length > 0) throw new AppError("VALIDATION", "delegation.unknownItem", { field: "itemCodes", details: { codes: unknown } });
  const input = { ...parsed, itemIds: [...new Set([...parsed.itemIds, ...byCode.map((i) => i.id)])] };
  const problems = delegationGrantProblems(input);
  if (problems.length > 0) {
    throw new AppError("VALIDATION", problems[0], { fieldErrors: Object.fromEntries(problems.map((p) => [p === "scope" ? "itemCodes" : p, `delegation.${p}`])) });
  }
  if (input.granteeUserId) {
    const grantee = await db().user.findUnique({ where: { id: input.granteeUserId }, select: { role: true, active: true } });
    if (!grantee || !grantee.active || grantee.role === "APPLICANT" || grantee.role === "DIRECTOR") throw new AppError("VALIDATION", "delegation.grantee", { field: "granteeUserId" });
  }
  const now = opts.now ?? new Date();
  const year = Number(toPlainDate(now).slice(0, 4));
  return db().$transaction(async (tx) => {
    const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "DelegationCounter" (year, last) VALUES (${year}, 1)
      ON CONFLICT (year) DO UPDATE SET last = "DelegationCounter".last + 1 RETURNING last`;
    const d = await tx.delegation.create({
      data: {
        number: `审批授字〔${year}〕${last}号`,
        grantedById: actor.id,
        granteeUserId: input.granteeUserId,
        granteeRole: input.granteeUserId ? null : input.granteeRole,
        itemIds: input.itemIds,
        sectionIds: input.sectionIds,
        scope: input.scope,
        validFrom: toDateColumn(input.validFrom),
        validTo: toDateColumn(input.validTo),
        note: input.note,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "delegation.granted",
      entityType: "Delegation",
      entityId: d.id,
      after: { number: d.number, granteeUserId: d.granteeUserId, granteeRole: d.granteeRole, itemIds: d.itemIds, sectionIds: d.sectionIds, scope: d.scope, validFrom: input.validFrom, validTo: input.validTo },
    });
    return { id: d.id, number: d.number };
  });
}

export async function revokeDelegation(opts: { actor: Actor | null; input: z.input<typeof ZRevokeDelegationInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["DIRECTOR"], "revokeDelegation");
  const input = ZRevokeDelegationInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const { count } = await tx.delegation.updateMany({
      where: { id: input.delegationId, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.id, revokeReason: input.reason },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await recordAuditEvent(tx, { actor, action: "delegation.revoked", entityType: "Delegation", entityId: input.delegationId, after: { revokedAt: now.toISOString(), reason: input.reason } });
    return { id: input.delegationId };
  });
}

/** Every delegation as the domain rule sees it (revoked ones included: they explain refusals). */
export async function loadDelegationFacts(tx: DbOrTx = db()): Promise<DelegationFacts[]> {
  const rows = await tx.delegation.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map((d) => ({
    id: d.id,
    number: d.number,
    granteeUserId: d.granteeUserId,
    granteeRole: d.granteeRole,
    itemIds: d.itemIds,
    sectionIds: d.sectionIds,
    scope: d.scope,
    validFrom: fromDateColumn(d.validFrom),
    validTo: fromDateColumn(d.validTo),
    revokedAt: d.revokedAt,
  }));
}

/** Delegations with names, for the director's register and the printable documents. */
export async function listDelegations(opts: { actor: Actor | null; id?: string }) {
  await requireRole(opts.actor, ["DIRECTOR", "SUPERVISOR", "CHIEF", "CLERK", "REVIEWER"], "listDelegations");
  const rows = await db().delegation.findMany({ where: opts.id ? { id: opts.id } : {}, orderBy: { createdAt: "desc" } });
  const userIds = [...new Set(rows.flatMap((d) => [d.grantedById, d.granteeUserId, d.revokedById].filter((x): x is string => Boolean(x))))];
  const [users, items, sections] = await Promise.all([
    db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, loginId: true, role: true } }),
    db().item.findMany({ where: { id: { in: rows.flatMap((d) => d.itemIds) } }, select: { id: true, implementationCode: true, currentVersion: { select: { name: true } } } }),
    db().section.findMany({ where: { id: { in: rows.flatMap((d) => d.sectionIds) } }, select: { id: true, name: true } }),
  ]);
  const user = new Map(users.map((u) => [u.id, u]));
  const item = new Map(items.map((i) => [i.id, i.currentVersion?.name ?? i.implementationCode]));
  const section = new Map(sections.map((s) => [s.id, s.name]));
  return rows.map((d) => ({
    id: d.id,
    number: d.number,
    grantedBy: user.get(d.grantedById)?.name ?? "",
    grantee: d.granteeUserId ? { kind: "user" as const, name: user.get(d.granteeUserId)?.name ?? "", loginId: user.get(d.granteeUserId)?.loginId ?? "" } : { kind: "role" as const, role: d.granteeRole! },
    items: d.itemIds.map((id) => item.get(id) ?? id),
    sections: d.sectionIds.map((id) => section.get(id) ?? id),
    scope: d.scope,
    validFrom: fromDateColumn(d.validFrom),
    validTo: fromDateColumn(d.validTo),
    note: d.note,
    createdAt: d.createdAt,
    revokedAt: d.revokedAt,
    revokedBy: d.revokedById ? (user.get(d.revokedById)?.name ?? "") : null,
    revokeReason: d.revokeReason,
  }));
}

export type DelegationView = Awaited<ReturnType<typeof listDelegations>>[number];

/** Staff a delegation can name: active clerks, reviewers and chiefs. */
export async function listDelegationGrantees(opts: { actor: Actor | null }) {
  await requireRole(opts.actor, ["DIRECTOR"], "listDelegationGrantees");
  return db().user.findMany({
    where: { role: { in: ["CLERK", "REVIEWER", "CHIEF"] }, active: true },
    orderBy: [{ role: "asc" }, { loginId: "asc" }],
    select: { id: true, loginId: true, name: true, role: true },
  });
}
