// API keys of the open API (/api/v1): their format, what is stored of them (the SHA-256 of the whole
// key, never the key), and the constant-time comparison of a presented key with what is stored.
// A key reads `gak_<8-character prefix>_<43-character secret>`; the prefix finds the row, the hash proves the rest.
import { createHash, timingSafeEqual } from "node:crypto";

export const API_KEY_TAG = "gak";
const PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const PREFIX_LENGTH = 8;
const KEY = /^gak_([a-km-np-z2-9]{8})_([A-Za-z0-9_-]{43})$/;

export type NewApiKey = { key: string; prefix: string; secretHash: string };

/** A new key from 5 + 32 random bytes (the caller's source: crypto.getRandomValues in production). */
export function newApiKey(random: (n: number) => Uint8Array): NewApiKey {
  const prefixBytes = random(PREFIX_LENGTH);
  const prefix = Array.from(prefixBytes, (b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join("");
  const secret = Buffer.from(random(32)).toString("base64url");
  const key = `${API_KEY_TAG}_${prefix}_${secret}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The prefix of a well-formed key; null for anything else (no lookup is made for it). */
export function apiKeyPrefix(key: string): string | null {
  return KEY.exec(key)?.[1] ?? null;
}

/** SHA-256 of the whole key, hex: a key has 256 random bits, so a fast hash is enough (no password stretching). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Does the presented key hash to the stored hash? Compared in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && a.length === 32 && timingSafeEqual(a, b);
}

/** The key of an `Authorization: Bearer <key>` header: undefined when there is no header, null when it is not a bearer token. */
export function bearerToken(header: string | null): string | null | undefined {
  if (header === null) return undefined;
  const m = /^Bearer[ ]+(\S{1,200})\s*$/i.exec(header);
  return m ? m[1] : null;
}

/** What a list shows of a key: its tag and prefix only. */
export function displayedKey(prefix: string): string {
  return `${API_KEY_TAG}_${prefix}_…`;
}
