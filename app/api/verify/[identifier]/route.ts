// The verification as JSON, for other systems: the same answer as /verify/<identifier>.
import { isAppError } from "@/lib/errors";
import { verifyCertificate } from "@/lib/server/certificates/verify-certificate";
import { clientAddress } from "@/lib/server/client-address";

export async function GET(_req: Request, { params }: { params: Promise<{ identifier: string }> }) {
  try {
    const result = await verifyCertificate({ identifier: decodeURIComponent((await params).identifier) }, await clientAddress());
    return Response.json(result ? { found: true, ...result } : { found: false }, { status: result ? 200 : 404, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (isAppError(e) && e.code === "TOO_MANY_ATTEMPTS") return Response.json({ error: "TOO_MANY_ATTEMPTS" }, { status: 429 });
    throw e;
  }
}
