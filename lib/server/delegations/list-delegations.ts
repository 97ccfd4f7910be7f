// The register of delegations, with the names of the people, items and sections they mention.
import "server-only";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { delegationActions, delegationStatus } from "@/lib/domain/delegation/delegation";

/** Delegations with names, for the director's register and the printable documents. */
export async function listDelegations(opts: { actor: Actor | null; id?: string; now?: Date }) {
  const today = toPlainDate(opts.now ?? new Date());
  await requirePermission(opts.actor, "delegation:read", "listDelegations");
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
  return rows.map((d) => {
    const validFrom = fromDateColumn(d.validFrom);
    const validTo = fromDateColumn(d.validTo);
    const status = delegationStatus({ validFrom, validTo, revokedAt: d.revokedAt }, today);
    return {
    id: d.id,
    number: d.number,
    grantedBy: user.get(d.grantedById)?.name ?? "",
    grantee: d.granteeUserId ? { kind: "user" as const, name: user.get(d.granteeUserId)?.name ?? "", loginId: user.get(d.granteeUserId)?.loginId ?? "" } : { kind: "role" as const, role: d.granteeRole! },
    items: d.itemIds.map((id) => item.get(id) ?? id),
    sections: d.sectionIds.map((id) => section.get(id) ?? id),
    scope: d.scope,
    validFrom,
    validTo,
    status,
    /** What the register offers for it now (domain: delegationActions). */
    actions: delegationActions(status),
    note: d.note,
    createdAt: d.createdAt,
    revokedAt: d.revokedAt,
    revokedBy: d.revokedById ? (user.get(d.revokedById)?.name ?? "") : null,
    revokeReason: d.revokeReason,
    };
  });
}

export type DelegationView = Awaited<ReturnType<typeof listDelegations>>[number];
