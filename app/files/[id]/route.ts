// GET /files/<id>: a stored material, for its applicant and for case staff only.
import { openStoredFile } from "@/lib/server/applications/materials";
import { currentActor } from "@/lib/server/auth/current-actor";
import { inlineFileResponse } from "@/lib/server/files/file-response";
import { accessErrorResponse } from "@/lib/server/http-errors";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    return inlineFileResponse(await openStoredFile({ actor: await currentActor(), fileId: (await params).id }));
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
}
