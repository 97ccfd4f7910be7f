// After sign-in: send each role to its own home.
import { redirect } from "next/navigation";
import { homePathOf } from "@/lib/domain/access/roles";
import { currentActor } from "@/lib/server/auth/current-actor";

export default async function HomeDispatch() {
  const actor = await currentActor();
  redirect(actor ? homePathOf(actor.role) : "/login");
}
