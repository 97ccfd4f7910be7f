// A per-machine AUTH_SECRET for development, generated once and kept under .data/.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
