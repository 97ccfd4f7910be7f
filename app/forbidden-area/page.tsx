// Target of the proxy's rewrite for a role outside its area (answered with status 403). The refusal
// is audited here, with the path that was asked for.
import Forbidden from "@/app/forbidden";
import { currentActor } from "@/lib/server/auth/current-actor";
import { recordDeniedVisit } from "@/lib/server/auth/actor";

export default async function ForbiddenArea({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const { from } = await searchParams;
  const actor = await currentActor();
  if (actor && typeof from === "string" && from.startsWith("/")) await recordDeniedVisit(actor, from);
  return <Forbidden />;
}
