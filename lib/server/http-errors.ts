// Expected access errors at the edge: a page shows Next's 404 / 403 pages, a route answers with
// the status. Anything else propagates (and is logged by Next as the error it is).
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** For pages: a service's NOT_FOUND becomes the 404 page, FORBIDDEN the 403 page. */
export async function orAccessPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "FORBIDDEN") forbidden();
    throw e;
  }
}

/** For route handlers: the response an access error calls for, or null when it is not one. */
export function accessErrorResponse(e: unknown): Response | null {
  if (!isAppError(e)) return null;
  if (e.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
  if (e.code === "UNAUTHENTICATED") return new Response("Unauthorized", { status: 401 });
  return null;
}

/** A generated PDF as a download. Private documents must not be kept by shared caches. */
/** RFC 6266: an ASCII fallback name and the real one UTF-8 encoded, so a Chinese file name never breaks the header. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function pdfResponse(pdf: Uint8Array, fileName: string, opts: { private: boolean }): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(fileName),
      "Cache-Control": opts.private ? "private, no-store" : "no-store",
    },
  });
}
