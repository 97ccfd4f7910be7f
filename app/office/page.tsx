// /office itself: each member of staff goes on to their own desk (the proxy already refused
// applicants and sent anonymous visitors to sign in).
import { redirect } from "next/navigation";
import { homePathOf } from "@/lib/domain/access/roles";
import { currentActor } from "@/lib/server/auth/current-actor";

export default async function OfficeDispatch() {
  const actor = await currentActor();
  redirect(actor ? homePathOf(actor.role) : "/login?callbackUrl=%2Foffice");
}
