// 一纸授权: the director grants a numbered delegation of decision authority.
import "server-only";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { delegationGrantProblems } from "@/lib/domain/delegation/delegation";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { ZGrantDelegationInput, type TGrantDelegationInput } from "./schemas";
import { mayBeDelegatedTo } from "@/lib/domain/delegation/delegation";

export async function grantDelegation(opts: { actor: Actor | null; input: TGrantDelegationInput; now?: Date }) {
  const actor = await requirePermission(opts.actor, "delegation:grant", "grantDelegation");
  const parsed = ZGrantDelegationInput.parse(opts.input);
  const byCode = parsed.itemCodes.length
    ? await db().item.findMany({ where: { implementationCode: { in: parsed.itemCodes } }, select: { id: true, implementationCode: true } })
    : [];
  const unknown = parsed.itemCodes.filter((c) => !byCode.some((i) => i.implementationCode === c));
  if (unknown.length > 0) throw new AppError("VALIDATION", "delegation.unknownItem", { field: "itemCodes", details: { codes: unknown } });
  const input = { ...parsed, itemIds: [...new Set([...parsed.itemIds, ...byCode.map((i) => i.id)])] };
  const now = opts.now ?? new Date();
  const problems = delegationGrantProblems(input, toPlainDate(now));
  if (problems.length > 0) {
    throw new AppError("VALIDATION", problems[0], { fieldErrors: Object.fromEntries(problems.map((p) => [p === "scope" ? "itemCodes" : p, `delegation.${p}`])) });
  }
  if (input.granteeUserId) {
    const grantee = await db().user.findUnique({ where: { id: input.granteeUserId }, select: { role: true, active: true } });
    if (!grantee || !grantee.active || !mayBeDelegatedTo(grantee.role)) throw new AppError("VALIDATION", "delegation.grantee", { field: "granteeUserId" });
  }
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
