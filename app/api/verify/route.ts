// POST a PDF (the raw bytes, ≤ 10 MB): is it byte for byte a certificate or sealed document the bureau issued? JSON.
import { isAppError } from "@/lib/errors";
import { verifyCertificatePdf } from "@/lib/server/certificates/verify-certificate";
import { clientAddress } from "@/lib/server/client-address";

const MAX = 10 * 1024 * 1024;

export async function POST(req: Request) {
  const bytes = new Uint8Array(await req.arrayBuffer().catch(() => new ArrayBuffer(0)));
  if (bytes.length === 0 || bytes.length > MAX) return Response.json({ error: "A PDF of at most 10 MB is expected as the request body." }, { status: 400 });
  try {
    const result = await verifyCertificatePdf(bytes, await clientAddress());
    const body = !result.issued ? { issued: false } : "certificate" in result ? { issued: true, type: "certificate", ...result.certificate } : { issued: true, type: "document", ...result.document };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (isAppError(e) && e.code === "TOO_MANY_ATTEMPTS") return Response.json({ error: "TOO_MANY_ATTEMPTS" }, { status: 429 });
    throw e;
  }
}
