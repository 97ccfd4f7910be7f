// The stamp log as CSV, streamed page by page, with the page's filters.
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse } from "@/lib/server/http-errors";
import { stampLogCsv, ZStampLogFilter } from "@/lib/server/seals/list-stamp-records";

export async function GET(req: Request) {
  const sp = new URL(req.url).searchParams;
  const filter = ZStampLogFilter.parse({ sealId: sp.get("sealId") ?? undefined, from: sp.get("from") ?? undefined, to: sp.get("to") ?? undefined, actorId: sp.get("actorId") ?? undefined, itemId: sp.get("itemId") ?? undefined });
  const actor = await currentActor();
  const rows = stampLogCsv({ actor, filter });
  // The first chunk runs the permission check, so a refusal is an HTTP answer, not a broken stream.
  let first: IteratorResult<string>;
  try {
    first = await rows.next();
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="stamp-log.csv"', "Cache-Control": "private, no-store" } });
}
