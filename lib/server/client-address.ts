// The requesting client's address as the proxy reports it, for rate limits on public lookups.
import "server-only";
import { headers } from "next/headers";

export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}
