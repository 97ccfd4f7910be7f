// Keys carried by links handed to people without an account — a receipt's rating QR code, a
// complaint's progress link: an HMAC under the installation secret, so only the bureau can make
// one, and each opens only the one thing it names.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function linkKey(subject: string): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new AppError("UNAVAILABLE", "AUTH_SECRET is needed for links with a key");
  return createHmac("sha256", secret).update(subject).digest("base64url").slice(0, 22);
}

export function linkKeyMatches(subject: string, key: string): boolean {
  const want = Buffer.from(linkKey(subject));
  const got = Buffer.from(key);
  return want.length === got.length && timingSafeEqual(want, got);
}
