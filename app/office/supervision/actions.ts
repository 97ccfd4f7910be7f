"use server";
// Supervision actions: anchor the audit trail's head outside the database, signed with the seal's key.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/server/action";
import { anchorAuditChain } from "@/lib/server/supervision/anchor-audit-chain";

export async function anchorAuditChainAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, z.object({}), (_input, actor) => anchorAuditChain({ actor }), { permission: "audit:read", name: "anchorAuditChain" });
  if (result?.ok) revalidatePath("/office/supervision");
  return result;
}
