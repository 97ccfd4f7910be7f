// POST /api/uploads: one material file of one application (or of one slot of a bundle filing). Answers JSON to the upload widget and
// redirects back (303) when a plain form without JavaScript posted it.
import { getTranslations } from "next-intl/server";
import { localPath } from "@/lib/domain/access/local-path";
import { UPLOAD_LIMITS } from "@/lib/domain/applications/uploads";
import { AppError, isAppError } from "@/lib/errors";
import { errorMessage } from "@/lib/server/action";
import { asAppError } from "@/lib/server/domain-errors";
import { uploadMaterial } from "@/lib/server/applications/materials";
import { uploadBundleMaterial } from "@/lib/server/bundles/file-bundle";
import { currentActor } from "@/lib/server/auth/current-actor";

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;


export async function POST(request: Request) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const t = await getTranslations();
  let returnTo = "/my";
  const answer = (ok: boolean, message: string, status: number) => {
    if (wantsJson) return Response.json({ ok, message }, { status });
    const url = new URL(returnTo, request.url);
    url.searchParams.set("upload", ok ? "ok" : message);
    return Response.redirect(url, 303);
  };
  try {
    // Refuse an obviously oversized body before reading it.
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > UPLOAD_LIMITS.maxBytes + ENVELOPE_BYTES) throw new AppError("UPLOAD_TOO_LARGE", undefined, { details: { limit: UPLOAD_LIMITS.maxBytes / 1024 / 1024 } });
    // Not multipart, or cut off: a bad request, not a crash.
    const form = await request.formData().catch(() => {
      throw new AppError("UPLOAD_EMPTY");
    });
    returnTo = localPath(form.get("returnTo"), "/my");
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("UPLOAD_EMPTY");
    const incoming = { name: file.name, size: file.size, stream: file.stream() };
    const [applicationId, materialId, bundleFilingId, slotKey] = ["applicationId", "materialId", "bundleFilingId", "slotKey"].map((k) => form.get(k));
    // 一件事: one slot of a bundle's form stands for every item asking for that material.
    if (typeof bundleFilingId === "string" && typeof slotKey === "string") await uploadBundleMaterial({ actor: await currentActor(), bundleFilingId, slotKey, file: incoming });
    else if (typeof applicationId === "string" && typeof materialId === "string") await uploadMaterial({ actor: await currentActor(), applicationId, materialId, file: incoming });
    else throw new AppError("UPLOAD_EMPTY");
    return answer(true, t("application.upload.done"), 200);
  } catch (caught) {
    const e = asAppError(caught);
    if (isAppError(e)) {
      const status = e.code === "UNAUTHENTICATED" ? 401 : e.code === "FORBIDDEN" ? 403 : e.code === "NOT_FOUND" ? 404 : e.code === "UPLOAD_TOO_LARGE" ? 413 : e.code === "UNAVAILABLE" ? 503 : 400;
      return answer(false, errorMessage(t, e), status);
    }
    console.error("[upload] unexpected error", e);
    return answer(false, t("errors.UNEXPECTED"), 500);
  }
}
