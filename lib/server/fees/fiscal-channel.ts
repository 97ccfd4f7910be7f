// The one bank-channel interface (票款分离): the bureau registers a payment notice with the fiscal
// platform, asks for its status, and fetches the day's reconciliation file. Every request is signed
// like the platform's callbacks (lib/domain/signing). Only the worker calls it — never a request.
import "server-only";
import { signedHeaders } from "@/lib/domain/signing/hmac-signature";
import { env } from "@/lib/env";

export type PlatformNotice = { code: string; amountFen: number; state: "UNPAID" | "PAID"; paidAt?: string; bankRef?: string };

export class FiscalChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FiscalChannelError";
  }
}

function settings() {
  const e = env();
  if (!e.FISCAL_PLATFORM_URL || !e.FISCAL_PLATFORM_SECRET) throw new FiscalChannelError("FISCAL_PLATFORM_URL and FISCAL_PLATFORM_SECRET are not set");
  return { base: e.FISCAL_PLATFORM_URL.replace(/\/$/, ""), secret: e.FISCAL_PLATFORM_SECRET };
}

async function call(method: "GET" | "POST", path: string, body = ""): Promise<Response> {
  const { base, secret } = settings();
  try {
    return await fetch(`${base}${path}`, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...signedHeaders(secret, body, Date.now()) },
      body: body || undefined,
      redirect: "error",
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw new FiscalChannelError(`fiscal platform unreachable: ${(e as Error).message}`);
  }
}

export async function registerNotice(n: { code: string; amountFen: number; payer: string; item: string; dueDate: string }): Promise<void> {
  const res = await call("POST", "/api/notices", JSON.stringify(n));
  if (res.status !== 200 && res.status !== 201) throw new FiscalChannelError(`register ${n.code}: ${res.status} ${await res.text()}`);
}

/** The platform's word on a notice; null when it does not know the code. */
export async function queryNotice(code: string): Promise<PlatformNotice | null> {
  const res = await call("GET", `/api/notices/${encodeURIComponent(code)}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new FiscalChannelError(`query ${code}: ${res.status}`);
  return (await res.json()) as PlatformNotice;
}

/** The day's reconciliation file (CSV text), as the platform serves it. */
export async function reconciliationFile(day: string): Promise<string> {
  const res = await call("GET", `/api/reconciliation?day=${day}`);
  if (!res.ok) throw new FiscalChannelError(`reconciliation ${day}: ${res.status}`);
  return res.text();
}

/** Where a payer pays a notice (the platform's page), with the way back to the portal. */
export function paymentPageUrl(code: string, back: string | null): string | null {
  const e = env();
  const base = e.FISCAL_PLATFORM_PUBLIC_URL ?? e.FISCAL_PLATFORM_URL;
  if (!base) return null;
  const u = new URL("/pay", base);
  u.searchParams.set("code", code);
  if (back) u.searchParams.set("back", back);
  return u.toString();
}
