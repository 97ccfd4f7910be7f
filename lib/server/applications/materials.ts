// Materials of an application: uploads stored outside the web root under their SHA-256, reuse of
// the applicant's earlier files, and reading a file back for those allowed to see it.
import "server-only";
import { applicantIdOf } from "@/lib/domain/access/actor";
import { AGENT_SCOPE, mayChangeMaterial, mayViewApplication } from "@/lib/domain/applications/access";
import { checkBeforeReading, readBlob, storeBlob, type IncomingFile } from "@/lib/server/files/blob-store";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db, type Tx } from "@/lib/server/db";
import { loadFilerScope, loadForFiler } from "./file-application";

/** Loads the application and the material line the filer may change now, or refuses. */
async function editableLine(actor: Actor, applicationId: string, materialId: string) {
  const app = await loadForFiler(db(), actor, applicationId);
  const line = app.materials.find((m) => m.materialId === materialId);
  if (!line) throw new AppError("NOT_FOUND", "material", { field: "materialId" });
  if (!mayChangeMaterial(app.state, line.verdict)) throw new AppError("TRANSITION_NOT_ALLOWED");
  return { app, line };
}

type Line = { id: string; verdict: string | null; revision: number };

/** Points the material line at a stored file (revision + 1), guarded by the application's state. */
async function attach(actor: Actor, app: { id: string; state: string }, line: Line, storedFileId: string, how: string) {
  await db().$transaction((tx) => attachIn(tx, actor, app, line, storedFileId, how));
}

/** The same in the caller's transaction (a bundle's shared material points several lines at one file). */
export async function attachIn(tx: Tx, actor: Actor, app: { id: string; state: string }, line: Line, storedFileId: string, how: string) {
  const { count } = await tx.applicationMaterial.updateMany({
    where: { id: line.id, revision: line.revision, application: { state: app.state as never } },
    data: {
      storedFileId,
      revision: { increment: 1 },
      // An owed material that arrives goes back to the window for checking.
      ...(line.verdict === "OWED" ? { verdict: null } : {}),
    },
  });
  if (count !== 1) throw new AppError("ALREADY_HANDLED");
  await recordAuditEvent(tx, {
    actor,
    action: `application.material.${how}`,
    entityType: "Application",
    entityId: app.id,
    after: { applicationMaterialId: line.id, storedFileId, revision: line.revision + 1 },
  });
}

/**
 * Stores an upload for one material. Every check that can be made before writing is made first;
 * the bytes go to a temporary file while being hashed and counted, and anything refused after
 * that is deleted, so a refusal leaves nothing behind.
 */
export async function uploadMaterial(opts: { actor: Actor | null; applicationId: string; materialId: string; file: IncomingFile }) {
  const actor = await requirePermission(opts.actor, "application:file", "uploadMaterial");
  const { file } = opts;
  checkBeforeReading(file);
  const { app, line } = await editableLine(actor, opts.applicationId, opts.materialId);
  const { stored, blob } = await storeApplicantFile(actor, app.applicantId, file);
  await attach(actor, app, line, stored.id, "uploaded");
  return { storedFileId: stored.id, sha256: blob.sha256, size: blob.size };
}

/** Stores the bytes once (content-addressed) as a file of the applicant's. */
export async function storeApplicantFile(actor: Actor, applicantId: string, file: IncomingFile) {
  const blob = await storeBlob(file);
  const stored = await db().storedFile.upsert({
    where: { ownerId_sha256: { ownerId: applicantId, sha256: blob.sha256 } },
    create: { ownerId: applicantId, uploadedById: actor.id, sha256: blob.sha256, size: blob.size, mimeType: blob.mimeType, originalName: file.name },
    update: {},
  });
  return { stored, blob };
}

/** Reuses a file the same applicant submitted before (for another application or material). */
export async function reuseMaterialFile(opts: { actor: Actor | null; applicationId: string; materialId: string; storedFileId: string }) {
  const actor = await requirePermission(opts.actor, "application:file", "reuseMaterialFile");
  const { app, line } = await editableLine(actor, opts.applicationId, opts.materialId);
  const file = await db().storedFile.findUnique({ where: { id: opts.storedFileId }, select: { ownerId: true } });
  if (!file || file.ownerId !== app.applicantId) throw new AppError("NOT_FOUND", "file", { field: "storedFileId" });
  await attach(actor, app, line, opts.storedFileId, "reused");
  return { storedFileId: opts.storedFileId };
}

/** The applicant's earlier files with what they were submitted as, newest first. */
export async function listReusableFiles(opts: { actor: Actor | null; applicationId: string }) {
  const actor = await requirePermission(opts.actor, "application:file", "listReusableFiles");
  const app = await loadFilerScope(actor, opts.applicationId);
  const files = await db().storedFile.findMany({
    where: { ownerId: app.applicantId },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { usedIn: { select: { applicationId: true, material: { select: { name: true } } } } },
  });
  return files.map((f) => ({
    id: f.id,
    originalName: f.originalName,
    size: f.size,
    createdAt: f.createdAt,
    usedAs: [...new Set(f.usedIn.map((u) => u.material.name))],
  }));
}

/** A stored file for download: its applicant, or staff who may see one of the applications using it. */
export async function openStoredFile(opts: { actor: Actor | null; fileId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const actor = opts.actor;
  const file = await db().storedFile.findUnique({
    where: { id: opts.fileId },
    include: { usedIn: { select: { application: { select: { applicantId: true, filedById: true, state: true, item: { select: { sectionId: true } }, ...AGENT_SCOPE } } } } },
  });
  // Its owner; staff only through an application they may see (the same scope as the case page).
  const visible = file && (file.ownerId === applicantIdOf(actor) || file.usedIn.some((u) => mayViewApplication(actor, u.application)));
  if (!file || !visible) throw new AppError("NOT_FOUND");
  return { name: file.originalName, mimeType: file.mimeType, size: file.size, stream: () => readBlob(file.sha256) };
}
