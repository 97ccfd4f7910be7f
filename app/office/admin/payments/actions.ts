"use server";
// 缴款与对账: the administrator asks for a day to be reconciled (again) now, and closes a mismatch.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { requestReconciliation, ZReconcileInput } from "@/lib/server/fees/reconcile-payments";
import { resolveMismatch, ZResolveMismatchInput } from "@/lib/server/fees/resolve-mismatch";

export async function requestReconciliationAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZReconcileInput, (input, actor) => requestReconciliation({ actor, input }), { permission: "payments:administer", name: "requestReconciliation" });
  if (result?.ok) revalidatePath("/office/admin/payments");
  return result;
}

export async function resolveMismatchAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZResolveMismatchInput, (input, actor) => resolveMismatch({ actor, input }), { permission: "payments:administer", name: "resolveMismatch" });
  if (result?.ok) revalidatePath("/office/admin/payments");
  return result;
}
