"use server";
// Director actions: grant and revoke delegations. The service checks the role itself.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { rotateSeal } from "@/lib/server/seals/rotate-seal";
import { runAction } from "@/lib/server/action";
import { grantDelegation } from "@/lib/server/delegations/grant-delegation";
import { revokeDelegation } from "@/lib/server/delegations/revoke-delegation";
import { ZGrantDelegationInput, ZRevokeDelegationInput } from "@/lib/server/delegations/schemas";

/** `grantee` is "user:<id>" or "role:<ROLE>"; sections come as repeated checkboxes. */
function grantInput(fd: FormData) {
  const grantee = String(fd.get("grantee") ?? "");
  return {
    granteeUserId: grantee.startsWith("user:") ? grantee.slice(5) : undefined,
    granteeRole: grantee.startsWith("role:") ? grantee.slice(5) : undefined,
    sectionIds: fd.getAll("sectionIds").filter((v) => typeof v === "string"),
    itemCodes: String(fd.get("itemCodes") ?? ""),
    scope: fd.get("scope") ?? undefined,
    validFrom: fd.get("validFrom") ?? "",
    validTo: fd.get("validTo") ?? "",
    note: fd.get("note") ?? "",
  };
}

export async function grantDelegationAction(_prev: unknown, fd: FormData) {
  const result = await runAction(fd, ZGrantDelegationInput, (input, actor) => grantDelegation({ actor, input }), { permission: "delegation:grant", name: "grantDelegation", toInput: grantInput });
  if (result?.ok) revalidatePath("/office/director");
  return result;
}

export async function revokeDelegationAction(_prev: unknown, fd: FormData) {
  const result = await runAction(fd, ZRevokeDelegationInput, (input, actor) => revokeDelegation({ actor, input }), { permission: "delegation:grant", name: "revokeDelegation" });
  if (result?.ok) revalidatePath("/office/director");
  return result;
}

export async function rotateSealAction(_prev: unknown, fd: FormData) {
  const result = await runAction(fd, z.object({}), (_input, actor) => rotateSeal({ actor }), { permission: "seal:rotate", name: "rotateSeal" });
  if (result?.ok) revalidatePath("/office/director");
  return result;
}
