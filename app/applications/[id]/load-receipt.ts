// The receipt of an accepted application for its applicant or case staff; anyone else gets a 404.
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getReceipt } from "@/lib/server/applications/queries";
import { currentActor } from "@/lib/server/auth/current-actor";

export async function loadReceipt(id: string) {
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(`/applications/${id}/receipt`)}`);
  try {
    return await getReceipt({ actor, applicationId: id });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** What is owed under 容缺受理, from the materials' verdicts. */
export function owedOf(app: Awaited<ReturnType<typeof getReceipt>>) {
  const names = app.materials.filter((m) => m.verdict === "OWED").map((m) => m.name);
  return app.state === "ACCEPTED_WITH_DEFICIENCIES" && names.length > 0 && app.owedBy ? { names, by: app.owedBy } : null;
}
