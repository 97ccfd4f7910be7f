// A stored file sent back to a browser: inline, its stored name only a label (encoded, never a
// path), never sniffed, never cached by anyone but the browser that asked.
import "server-only";
import { Readable } from "node:stream";

export function inlineFileResponse(file: { name: string; mimeType: string; size: number; stream: () => Readable }): Response {
  return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
