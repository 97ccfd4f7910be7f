"use server";
// 一件事 actions of the applicant: thin — parse, call the service, shape.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/server/action";
import { startBundleFiling, submitBundleFiling } from "@/lib/server/bundles/file-bundle";
import { ZStartBundleInput, ZSubmitBundleInput, bundleFormToInput } from "@/lib/server/bundles/schemas";

export async function startBundleAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZStartBundleInput, (input, actor) => startBundleFiling({ actor, input }), { permission: "applicant:self", name: "startBundleFiling", toInput: bundleFormToInput });
  if (result?.ok) redirect(`/my/bundles/${result.data.id}`);
  return result;
}

export async function submitBundleAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZSubmitBundleInput, (input, actor) => submitBundleFiling({ actor, bundleFilingId: input.bundleFilingId, declared: true }), { permission: "applicant:self", name: "submitBundleFiling" });
  if (result?.ok) revalidatePath(`/my/bundles/${result.data.id}`);
  return result;
}
