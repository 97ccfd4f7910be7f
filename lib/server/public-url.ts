// Absolute public URLs (for QR codes and printed slips): PUBLIC_BASE_URL, else the request's host
// (X-Forwarded-Host only with TRUST_PROXY=1).
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export async function publicUrl(path: string): Promise<string> {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return new URL(path, configured).toString();
  // Outside a request (a job, a script, a test) there is no host to go by: production sets PUBLIC_BASE_URL.
  let h: Awaited<ReturnType<typeof headers>>;
  try {
    h = await headers();
  } catch {
    return new URL(path, "http://localhost:3000").toString();
  }
  // Forwarded headers are anyone's to send: believed only behind a proxy the configuration names.
  const proxied = env().TRUST_PROXY === "1";
  const host = (proxied ? h.get("x-forwarded-host") : null) ?? h.get("host") ?? "localhost:3000";
  const proto = (proxied ? h.get("x-forwarded-proto") : null) ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return new URL(path, `${proto}://${host}`).toString();
}

export function guidePath(implementationCode: string): string {
  return `/items/${encodeURIComponent(implementationCode)}`;
}
