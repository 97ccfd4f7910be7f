// GET /files/<id>: a stored material, for its applicant and for case staff only.
import { Readable } from "node:stream";
import { openStoredFile } from "@/lib/server/applications/materials";
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse } from "@/lib/server/http-errors";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const file = await openStoredFile({ actor: await currentActor(), fileId: (await params).id });
    return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.size),
        // The stored name is only ever a label: encoded, never trusted as a path.
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
}
