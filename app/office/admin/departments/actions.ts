"use server";
// 审管分离: the administrator's webhook actions — thin: parse, call the service, shape.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { runAction } from "@/lib/server/action";
import { createSubscription } from "@/lib/server/departments/create-subscription";
import { deactivateSubscription } from "@/lib/server/departments/deactivate-subscription";
import { replayDelivery } from "@/lib/server/departments/replay-delivery";
import { eventsFromForm, ZCreateSubscriptionInput, ZDeactivateSubscriptionInput, ZReplayDeliveryInput } from "@/lib/server/departments/schemas";

/** Creates a subscription and shows its signing secret this once (no revalidation, so the message stays readable). */
export async function createSubscriptionAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZCreateSubscriptionInput, (input, actor) => createSubscription({ actor, input }), { permission: "departments:administer", name: "createSubscription", toInput: eventsFromForm });
  if (!result?.ok) return result;
  const t = await getTranslations("departments");
  return { ok: true as const, data: { id: result.data.id }, message: t("secretOnce", { secret: result.data.secret }) };
}

export async function deactivateSubscriptionAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZDeactivateSubscriptionInput, (input, actor) => deactivateSubscription({ actor, input }), { permission: "departments:administer", name: "deactivateSubscription" });
  if (result?.ok) revalidatePath("/office/admin/departments", "layout");
  return result;
}

export async function replayDeliveryAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZReplayDeliveryInput, (input, actor) => replayDelivery({ actor, input }), { permission: "departments:administer", name: "replayDelivery" });
  if (result?.ok) revalidatePath("/office/admin/departments", "layout");
  return result;
}
