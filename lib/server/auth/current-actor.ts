// The signed-in actor for pages and actions: session → fresh user row.
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { mayUseArea, type Area } from "@/lib/domain/access/roles";
import { auth } from "@/lib/server/auth/auth";
import { loadActor, recordDeniedVisit } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";

/** The id of the signed-in session (for sign-out), or null. */
export async function currentSessionId(): Promise<string | null> {
  return (await auth())?.user?.sessionId || null;
}

export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadActor(session.user.id, session.user.sessionId, session.user.signedInAt);
});

/** For pages that need a signed-in user: the sign-in page (coming back here) when anonymous. */
export async function requireSignedIn(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** For pages of an area: sign-in page when anonymous, 403 when the role may not use the area. */
export async function requireArea(area: Area, returnTo: string): Promise<Actor> {
  const actor = await requireSignedIn(returnTo);
  if (!mayUseArea(actor.role, area)) {
    await recordDeniedVisit(actor, returnTo);
    forbidden();
  }
  return actor;
}
