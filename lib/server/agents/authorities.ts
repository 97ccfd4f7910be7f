// 帮办代办: an agent (a person's account — the bureau's free 帮办 staff or someone the enterprise
// appoints) asks an enterprise for authority; the enterprise's main account confirms or revokes it
// online (or a clerk confirms from the paper one at the window); the agent may give it up. Every move is guarded by the status it starts from, audited, and
// the other side is told.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { authorityMove, authorityMoves, type AgentAuthorityStatus, type AuthorityParty } from "@/lib/domain/agents/agents";
import { AppError } from "@/lib/errors";
import { postMessage } from "@/lib/server/applications/transition";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZMoveAuthorityInput, ZRequestAuthorityInput, ZWindowAuthorityInput } from "./schemas";
import { storeApplicantFile } from "@/lib/server/applications/materials";
import { checkBeforeReading, type IncomingFile } from "@/lib/server/files/blob-store";

/** The signed-in applicant's own account kind: only a person (not an enterprise, not a sub-account) acts as an agent. */
async function accountOf(actor: Actor) {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { applicantType: true, enterpriseId: true, name: true, bureauHelper: true } });
  return { ...user, person: user.applicantType === "PERSON" && !user.enterpriseId, enterprise: user.applicantType === "ENTERPRISE" };
}

export async function requestAuthority(opts: { actor: Actor | null; input: z.input<typeof ZRequestAuthorityInput> }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "requestAuthority");
  const input = ZRequestAuthorityInput.parse(opts.input);
  const me = await accountOf(actor);
  if (!me.person) throw new AppError("FORBIDDEN", "only a person acts as an agent");
  const enterprise = await db().user.findUnique({ where: { creditCode: input.creditCode }, select: { id: true, name: true, role: true, active: true, applicantType: true } });
  if (!enterprise || enterprise.applicantType !== "ENTERPRISE" || !enterprise.active) throw new AppError("NOT_FOUND", "enterprise", { field: "creditCode" });
  try {
    return await db().$transaction(async (tx) => {
      const a = await tx.agentAuthority.create({ data: { enterpriseId: enterprise.id, agentId: actor.id, scope: input.scope } });
      await recordAuditEvent(tx, { actor, action: "agent.requested", entityType: "AgentAuthority", entityId: a.id, after: { enterprise: enterprise.id, agent: actor.id, scope: input.scope, bureauHelper: me.bureauHelper } });
      await postMessage(tx, { userId: enterprise.id, applicationId: null, kind: "AGENT_REQUESTED", params: { agent: me.name, scope: input.scope } });
      return { id: a.id };
    });
  } catch (e) {
    // One open authority per enterprise and agent (a partial unique index).
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT", "already requested", { field: "creditCode" });
    throw e;
  }
}

function partyOf(actor: Actor, a: { enterpriseId: string; agentId: string }): AuthorityParty | null {
  // The enterprise's main account answers for it (a staff sub-account does not appoint agents).
  if (a.enterpriseId === actor.id && !actor.actsFor) return "ENTERPRISE";
  if (a.agentId === actor.id) return "AGENT";
  return null;
}

export async function moveAuthority(opts: { actor: Actor | null; input: z.input<typeof ZMoveAuthorityInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "moveAuthority");
  const input = ZMoveAuthorityInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const a = await db().agentAuthority.findUnique({ where: { id: input.authorityId }, include: { enterprise: { select: { name: true } }, agent: { select: { name: true } } } });
  const party = a && partyOf(actor, a);
  if (!a || !party) throw new AppError("NOT_FOUND");
  const to = authorityMove(a.status, input.move, party);
  if (!to) throw new AppError("TRANSITION_NOT_ALLOWED");
  return db().$transaction(async (tx) => {
    const data = to === "CONFIRMED" ? { status: to, confirmedAt: now, confirmedById: actor.id } : { status: to, revokedAt: now, revokedById: actor.id };
    const { count } = await tx.agentAuthority.updateMany({ where: { id: a.id, status: a.status }, data });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await recordAuditEvent(tx, { actor, action: to === "CONFIRMED" ? "agent.confirmed" : "agent.revoked", entityType: "AgentAuthority", entityId: a.id, before: { status: a.status }, after: { status: to, by: party } });
    // The other side is told.
    const other = party === "AGENT" ? a.enterpriseId : a.agentId;
    await postMessage(tx, { userId: other, applicationId: null, kind: `AGENT_${to}`, params: { enterprise: a.enterprise.name, agent: a.agent.name } });
    return { id: a.id, status: to };
  });
}

export type AuthorityRow = { id: string; enterprise: string; agent: string; scope: string; status: AgentAuthorityStatus; requestedAt: Date; confirmedAt: Date | null; revokedAt: Date | null; bureauHelper: boolean; moves: ReturnType<typeof authorityMoves> };

/** The authorities the applicant gave (as an enterprise) or holds (as an agent), newest first. */
export async function listAuthorities(opts: { actor: Actor | null }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "listAuthorities");
  const me = await accountOf(actor);
  const rows = await db().agentAuthority.findMany({
    where: me.enterprise && !actor.actsFor ? { enterpriseId: actor.id } : me.person ? { agentId: actor.id } : { id: "none" },
    orderBy: { requestedAt: "desc" },
    take: 100,
    include: { enterprise: { select: { name: true } }, agent: { select: { name: true, bureauHelper: true } } },
  });
  const party: AuthorityParty = me.enterprise ? "ENTERPRISE" : "AGENT";
  return {
    as: me.enterprise && !actor.actsFor ? ("ENTERPRISE" as const) : me.person ? ("AGENT" as const) : null,
    rows: rows.map((r): AuthorityRow => ({ id: r.id, enterprise: r.enterprise.name, agent: r.agent.name, scope: r.scope, status: r.status, requestedAt: r.requestedAt, confirmedAt: r.confirmedAt, revokedAt: r.revokedAt, bureauHelper: r.agent.bureauHelper, moves: authorityMoves(r.status, party) })),
  };
}

/** The enterprises an agent may file for now (confirmed authorities). */
export async function enterprisesActedFor(actor: Actor): Promise<{ authorityId: string; name: string }[]> {
  const rows = await db().agentAuthority.findMany({ where: { agentId: actor.id, status: "CONFIRMED" }, orderBy: { confirmedAt: "asc" }, include: { enterprise: { select: { name: true } } } });
  return rows.map((r) => ({ authorityId: r.id, name: r.enterprise.name }));
}

/**
 * At the window: the agent brings the enterprise's paper power of attorney; the clerk checks the
 * original, stores its scan and confirms — an open request is confirmed, or a confirmed authority is
 * recorded at once. The enterprise is told, so one it never gave is revoked the same day.
 */
export async function confirmAuthorityAtWindow(opts: { actor: Actor | null; input: z.input<typeof ZWindowAuthorityInput>; file: IncomingFile | null; now?: Date }) {
  const actor = await requirePermission(opts.actor, "intake:work", "confirmAuthorityAtWindow");
  const input = ZWindowAuthorityInput.parse(opts.input);
  if (!opts.file) throw new AppError("UPLOAD_EMPTY", "power of attorney", { field: "file" });
  checkBeforeReading(opts.file);
  const now = opts.now ?? new Date();
  const [enterprise, agent] = await Promise.all([
    db().user.findUnique({ where: { creditCode: input.creditCode }, select: { id: true, name: true, applicantType: true, active: true } }),
    db().user.findUnique({ where: { residentId: input.agentResidentId }, select: { id: true, name: true, applicantType: true, enterpriseId: true, active: true } }),
  ]);
  if (!enterprise || enterprise.applicantType !== "ENTERPRISE" || !enterprise.active) throw new AppError("NOT_FOUND", "enterprise", { field: "creditCode" });
  if (!agent || agent.applicantType !== "PERSON" || agent.enterpriseId || !agent.active) throw new AppError("NOT_FOUND", "agent", { field: "agentResidentId" });
  const open = await db().agentAuthority.findFirst({ where: { enterpriseId: enterprise.id, agentId: agent.id, status: { not: "REVOKED" } } });
  if (open && !authorityMove(open.status, "CONFIRM", "WINDOW")) throw new AppError("ALREADY_HANDLED", "already in force");
  const { stored } = await storeApplicantFile(actor, enterprise.id, opts.file);
  try {
    return await db().$transaction(async (tx) => {
      const data = { status: "CONFIRMED" as const, scope: input.scope, confirmedAt: now, confirmedById: actor.id, evidenceFileId: stored.id };
      let id: string;
      if (open) {
        const { count } = await tx.agentAuthority.updateMany({ where: { id: open.id, status: open.status }, data });
        if (count !== 1) throw new AppError("ALREADY_HANDLED");
        id = open.id;
      } else {
        id = (await tx.agentAuthority.create({ data: { enterpriseId: enterprise.id, agentId: agent.id, ...data } })).id;
      }
      await recordAuditEvent(tx, { actor, action: "agent.confirmed", entityType: "AgentAuthority", entityId: id, before: { status: open?.status ?? null }, after: { status: "CONFIRMED", by: "WINDOW", evidenceFileId: stored.id, scope: input.scope } });
      for (const userId of [enterprise.id, agent.id]) await postMessage(tx, { userId, applicationId: null, kind: "AGENT_CONFIRMED_AT_WINDOW", params: { enterprise: enterprise.name, agent: agent.name } });
      return { id };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("ALREADY_HANDLED", "raced");
    throw e;
  }
}
