// The receipt of an accepted application for its applicant or case staff; anyone else gets a 404.
import { getReceipt } from "@/lib/server/applications/queries";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";

export async function loadReceipt(id: string) {
  const actor = await requireSignedIn(`/applications/${id}/receipt`);
  return orAccessPage(getReceipt({ actor, applicationId: id }));
}

/** What is owed under 容缺受理, from the materials' verdicts. */
export function owedOf(app: Awaited<ReturnType<typeof getReceipt>>) {
  const names = app.materials.filter((m) => m.verdict === "OWED").map((m) => m.name);
  return app.facts.owesMaterials && names.length > 0 && app.owedBy ? { names, by: app.owedBy } : null;
}
