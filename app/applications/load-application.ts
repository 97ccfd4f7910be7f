// One application for a page: a 404 for anyone who may not see it (nothing says it exists).
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { getApplication } from "@/lib/server/applications/queries";

export async function loadApplicationOr404(actor: Actor, applicationId: string) {
  try {
    return await getApplication({ actor, applicationId });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
