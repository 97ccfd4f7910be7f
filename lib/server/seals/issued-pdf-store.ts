// Signed PDFs as issued (certificates and sealed documents), kept byte for byte under their SHA-256
// (outside the web root), so that an uploaded copy can be recognised and every download is the same file.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { uploadRoot } from "@/lib/server/files/blob-store";

const fileOf = (sha256: string) => path.join(uploadRoot(), "certificates", `${sha256}.pdf`);

export function storeIssuedPdf(sha256: string, bytes: Uint8Array): void {
  const file = fileOf(sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, bytes);
}

export function readIssuedPdf(sha256: string): Buffer {
  return fs.readFileSync(fileOf(sha256));
}
