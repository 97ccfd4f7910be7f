// The requesting client's address, for the limits on public lookups. Behind a trusted proxy
// (TRUST_PROXY=1) it is the address that proxy appended last to X-Forwarded-For; otherwise whatever the
// request says — spoofable, but limits count per client, so a spoofer only escapes their own limit
// and can never spend anyone else's (the owner of a number is never blocked by others' guesses).
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export async function clientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}

/** The same rule for a route handler's own request headers. */
export function clientAddressOf(h: Headers): string {
  const hops = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const address = (env().TRUST_PROXY === "1" ? hops[hops.length - 1] : hops[0]) || h.get("x-real-ip") || "local";
  return address.slice(0, 64);
}
