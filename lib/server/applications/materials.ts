// Materials of an application: uploads stored outside the web root under their SHA-256, reuse of
// the applicant's earlier files, and reading a file back for those allowed to see it.
import "server-only";
import { applicantIdOf } from "@/lib/domain/access/actor";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { editableMaterials, mayViewApplication } from "@/lib/domain/applications/access";
import { UPLOAD_LIMITS, UPLOAD_TYPES, typeOfName, uploadProblemBeforeReading, uploadProblemOfContent, type UploadProblem } from "@/lib/domain/applications/uploads";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { loadForFiler } from "./file-application";

/** The storage root: outside `public/`, so nothing uploaded is ever served as a static file. */
export function uploadRoot(): string {
  return path.resolve(env().UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}

function refuse(problem: UploadProblem): never {
  throw new AppError(problem, problem, { field: "file", details: { limit: UPLOAD_LIMITS.maxBytes / 1024 / 1024 } });
}

/** Content-addressed place of a file: <root>/ab/cd/<sha256>. Never derived from the user's name. */
function blobPath(sha256: string): string {
  return path.join(uploadRoot(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export type IncomingFile = { name: string; size: number; stream: ReadableStream<Uint8Array> | Readable };

/** Loads the application and the material line the filer may change now, or refuses. */
async function editableLine(actor: Actor, applicationId: string, materialId: string) {
  const app = await loadForFiler(db(), actor, applicationId);
  const line = app.materials.find((m) => m.materialId === materialId);
  if (!line) throw new AppError("NOT_FOUND", "material", { field: "materialId" });
  const editable = editableMaterials(app.state);
  if (editable === "none" || (editable === "owed" && line.verdict !== "OWED")) throw new AppError("TRANSITION_NOT_ALLOWED");
  return { app, line };
}

/** Points the material line at a stored file (revision + 1), guarded by the application's state. */
async function attach(actor: Actor, app: { id: string; state: string }, line: { id: string; verdict: string | null; revision: number }, storedFileId: string, how: string) {
  await db().$transaction(async (tx) => {
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
  const early = uploadProblemBeforeReading(file.name, file.size);
  if (early) refuse(early);
  const { app, line } = await editableLine(actor, opts.applicationId, opts.materialId);

  const tmpDir = path.join(uploadRoot(), "tmp");
  await fs.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomUUID());
  const hash = createHash("sha256");
  let size = 0;
  let head = new Uint8Array(0);
  let placed = false;
  try {
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > UPLOAD_LIMITS.maxBytes) return done(new AppError("UPLOAD_TOO_LARGE"));
        if (head.length < 16) head = Buffer.concat([head, chunk]).subarray(0, 16);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const source = file.stream instanceof Readable ? file.stream : Readable.fromWeb(file.stream as never);
    await pipeline(source, counter, createWriteStream(tmp, { flags: "wx" }));
    const late = uploadProblemOfContent(file.name, size, head);
    if (late) refuse(late);

    const sha256 = hash.digest("hex");
    const target = blobPath(sha256);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(tmp, target); // same name = same bytes, so replacing is harmless
    placed = true;
    const type = typeOfName(file.name)!;
    const stored = await db().storedFile.upsert({
      where: { ownerId_sha256: { ownerId: app.applicantId, sha256 } },
      create: { ownerId: app.applicantId, uploadedById: actor.id, sha256, size, mimeType: UPLOAD_TYPES[type].mime, originalName: file.name },
      update: {},
    });
    await attach(actor, app, line, stored.id, "uploaded");
    return { storedFileId: stored.id, sha256, size };
  } catch (e) {
    if (e instanceof AppError && e.code === "UPLOAD_TOO_LARGE") refuse("UPLOAD_TOO_LARGE");
    throw e;
  } finally {
    if (!placed) await fs.rm(tmp, { force: true });
  }
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
  const app = await loadForFiler(db(), actor, opts.applicationId);
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
    include: { usedIn: { select: { application: { select: { applicantId: true, filedById: true, state: true, item: { select: { sectionId: true } } } } } } },
  });
  // Its owner; staff only through an application they may see (the same scope as the case page).
  const visible = file && (file.ownerId === applicantIdOf(actor) || file.usedIn.some((u) => mayViewApplication(actor, u.application)));
  if (!file || !visible) throw new AppError("NOT_FOUND");
  return { name: file.originalName, mimeType: file.mimeType, size: file.size, stream: () => createReadStream(blobPath(file.sha256)) };
}
