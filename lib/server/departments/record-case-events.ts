// 审管分离: the department events of a case — its decision, its certificate's issuance and end, a
// commitment's post-check — built from the case as it stands inside the caller's transaction (plain
// reads, no locks) and recorded for the item's department.
import "server-only";
import { departmentEventOf, type CaseFacts, type CertificateFacts, type EventSource } from "@/lib/domain/departments/department-events";
import type { Tx } from "@/lib/server/db";
import { recordDepartmentEvent } from "./record-department-event";

async function loadCase(tx: Tx, applicationId: string) {
  const app = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      number: true,
      submittedAt: true,
      acceptedAt: true,
      decidedAt: true,
      decisionReason: true,
      decisionBasis: true,
      item: { select: { implementationCode: true, departmentId: true } },
      itemVersion: { select: { name: true } },
      applicant: { select: { name: true, residentId: true, creditCode: true } },
    },
  });
  const facts: CaseFacts = {
    number: app.number,
    item: { implementationCode: app.item.implementationCode, name: app.itemVersion.name },
    applicant: app.applicant,
    submittedAt: app.submittedAt,
    acceptedAt: app.acceptedAt,
  };
  return { app, facts };
}

/** The decision letter's 文号 when it was sealed (no active seal: letters go out unsealed, without one). */
async function letterNumber(tx: Tx, applicationId: string): Promise<string | null> {
  const letter = await tx.sealedDocument.findUnique({ where: { key: `DECISION:${applicationId}` }, select: { number: true } });
  return letter?.number ?? null;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function record(tx: Tx, departmentId: string, source: EventSource, ids: { applicationId: string; certificateId?: string }, now: Date) {
  const { type, payload } = departmentEventOf(source);
  return recordDepartmentEvent(tx, { type, departmentId, applicationId: ids.applicationId, certificateId: ids.certificateId ?? null, payload, occurredAt: now });
}

/** After APPROVE or DENY (and its decision letter) in the same transaction. */
export async function recordDecisionEvent(tx: Tx, applicationId: string, decision: "APPROVE" | "DENY", now: Date) {
  const { app, facts } = await loadCase(tx, applicationId);
  const approved = decision === "APPROVE";
  return record(
    tx,
    app.item.departmentId,
    { kind: "DECISION", case: facts, decision: { approved, letterNumber: await letterNumber(tx, app.id), decidedAt: app.decidedAt ?? now, reason: app.decisionReason, basis: app.decisionBasis } },
    { applicationId: app.id },
    now,
  );
}

async function loadCertificate(tx: Tx, certificateId: string) {
  const c = await tx.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { id: true, applicationId: true, number: true, identifier: true, name: true, issuedOn: true, validFrom: true, validTo: true } });
  const facts: CertificateFacts = { number: c.number, identifier: c.identifier, name: c.name, issuedOn: day(c.issuedOn)!, validFrom: day(c.validFrom)!, validTo: day(c.validTo) };
  return { c, facts };
}

/** After an application's certificate was first issued (the ISSUE transition), in the same transaction. */
export async function recordIssuanceEvent(tx: Tx, applicationId: string, now: Date) {
  const issued = await tx.certificate.findUnique({ where: { originalOf: applicationId }, select: { id: true } });
  if (!issued) return null;
  const { c, facts: certificate } = await loadCertificate(tx, issued.id);
  const { app, facts } = await loadCase(tx, c.applicationId);
  return record(tx, app.item.departmentId, { kind: "ISSUANCE", case: facts, certificate, decision: { letterNumber: await letterNumber(tx, app.id), decidedAt: app.decidedAt } }, { applicationId: app.id, certificateId: c.id }, now);
}

/** After a certificate was revoked (撤销) or cancelled (注销) in the same transaction. */
export async function recordCertificateEndEvent(tx: Tx, certificateId: string, end: { status: "REVOKED" | "CANCELLED"; reason: string; basis: string }, now: Date) {
  const { c, facts: certificate } = await loadCertificate(tx, certificateId);
  const { app, facts } = await loadCase(tx, c.applicationId);
  return record(tx, app.item.departmentId, { kind: "CERTIFICATE_END", case: facts, certificate, end: { ...end, at: now } }, { applicationId: app.id, certificateId: c.id }, now);
}

/** After a commitment's post-check (核查) was recorded in the same transaction. */
export async function recordCommitmentCheckEvent(tx: Tx, commitmentId: string, now: Date) {
  const cm = await tx.commitment.findUniqueOrThrow({ where: { id: commitmentId }, select: { applicationId: true, materialId: true, result: true, checkNote: true, checkedAt: true } });
  const material = await tx.material.findUnique({ where: { id: cm.materialId }, select: { name: true } });
  const { app, facts } = await loadCase(tx, cm.applicationId);
  return record(
    tx,
    app.item.departmentId,
    { kind: "COMMITMENT_CHECK", case: facts, commitment: { material: material?.name ?? "", result: cm.result ?? "HOLDS", note: cm.checkNote, checkedAt: cm.checkedAt ?? now } },
    { applicationId: app.id },
    now,
  );
}

/** After a certificate was re-issued or amended (补办/变更): the new version, in the same transaction. */
export async function recordReplacementEvent(tx: Tx, certificateId: string, replacement: { replaces: string; kind: "REISSUE" | "AMEND"; reason: string }, now: Date) {
  const { c, facts: certificate } = await loadCertificate(tx, certificateId);
  const { app, facts } = await loadCase(tx, c.applicationId);
  return record(tx, app.item.departmentId, { kind: "REPLACEMENT", case: facts, certificate, replacement: { ...replacement, at: now } }, { applicationId: app.id, certificateId: c.id }, now);
}
