// One application for a page: a 404 for anyone who may not see it (nothing says it exists).
import type { Actor } from "@/lib/domain/access/actor";
import { getApplication } from "@/lib/server/applications/queries";
import { orAccessPage } from "@/lib/server/http-errors";

export async function loadApplicationOr404(actor: Actor, applicationId: string) {
  return orAccessPage(getApplication({ actor, applicationId }));
}
