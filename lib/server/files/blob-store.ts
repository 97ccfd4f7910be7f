// Uploaded files, stored outside the web root under their SHA-256 (<root>/ab/cd/<sha256>): every
// check that can be made before writing is made first; the bytes go to a temporary file while being
// hashed and counted, and anything refused after that is deleted, so a refusal leaves nothing behind.
// Materials of applications and attachments of complaints are stored alike.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { UPLOAD_LIMITS, UPLOAD_TYPES, typeOfName, uploadProblemBeforeReading, uploadProblemOfContent, type UploadProblem } from "@/lib/domain/applications/uploads";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** The storage root: outside `public/`, so nothing uploaded is ever served as a static file. */
export function uploadRoot(): string {
  return path.resolve(env().UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}

/** Content-addressed place of a file. Never derived from the user's name. */
function blobPath(sha256: string): string {
  return path.join(uploadRoot(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export type IncomingFile = { name: string; size: number; stream: ReadableStream<Uint8Array> | Readable };
export type StoredBlob = { sha256: string; size: number; mimeType: string };

export function refuseUpload(problem: UploadProblem, field = "file"): never {
  throw new AppError(problem, problem, { field, details: { limit: UPLOAD_LIMITS.maxBytes / 1024 / 1024 } });
}

/** Checks what can be checked before reading (name, type by name, declared size). */
export function checkBeforeReading(file: IncomingFile, field = "file"): void {
  const early = uploadProblemBeforeReading(file.name, file.size);
  if (early) refuseUpload(early, field);
}

/** Stores the bytes (after `checkBeforeReading`), checking size and content type as they come. */
export async function storeBlob(file: IncomingFile, field = "file"): Promise<StoredBlob> {
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
    if (late) refuseUpload(late, field);

    const sha256 = hash.digest("hex");
    const target = blobPath(sha256);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(tmp, target); // same name = same bytes, so replacing is harmless
    placed = true;
    return { sha256, size, mimeType: UPLOAD_TYPES[typeOfName(file.name)!].mime };
  } catch (e) {
    if (e instanceof AppError && e.code === "UPLOAD_TOO_LARGE") refuseUpload("UPLOAD_TOO_LARGE", field);
    throw e;
  } finally {
    if (!placed) await fs.rm(tmp, { force: true });
  }
}

/** Reads a stored file back. */
export function readBlob(sha256: string) {
  return createReadStream(blobPath(sha256));
}
