// GET /office/complaints/<id>/files/<fileId>: a file given with a complaint, for staff who may see it.
import { currentActor } from "@/lib/server/auth/current-actor";
import { openComplaintAttachment } from "@/lib/server/complaints/list-complaints";
import { inlineFileResponse } from "@/lib/server/files/file-response";
import { accessErrorResponse } from "@/lib/server/http-errors";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  try {
    const { id, fileId } = await params;
    return inlineFileResponse(await openComplaintAttachment({ actor: await currentActor(), complaintId: id, attachmentId: fileId }));
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
}
