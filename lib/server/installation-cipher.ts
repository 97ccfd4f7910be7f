// Secrets the portal must read back (a seal's private keys, a department's webhook signing secret),
// encrypted at rest with a key derived from the installation secret (AUTH_SECRET): AES-256-GCM,
// a fresh salt (scrypt) and IV each time. Each caller passes the secret it checked for itself.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

export type Sealed = { v: 1; salt: string; iv: string; tag: string; data: string };

export function encryptWithSecret(secret: string, plain: string): Sealed {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", scryptSync(secret, salt, 32), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return { v: 1, salt: salt.toString("base64"), iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), data: data.toString("base64") };
}

/** Throws when the secret is not the one it was sealed with, or the text was changed. */
export function decryptWithSecret(secret: string, sealed: Sealed): string {
  const decipher = createDecipheriv("aes-256-gcm", scryptSync(secret, Buffer.from(sealed.salt, "base64"), 32), Buffer.from(sealed.iv, "base64"));
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]).toString("utf8");
}
