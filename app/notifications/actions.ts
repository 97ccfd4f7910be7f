"use server";
import { getTranslations } from "next-intl/server";
import { runAction } from "@/lib/server/action";
import { updateNotificationPreferences, ZNotificationPreferencesInput } from "@/lib/server/notifications/preferences";

export async function updateNotificationPreferencesAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZNotificationPreferencesInput, (input, actor) => updateNotificationPreferences({ actor, input }), { permission: "notifications:self", name: "updateNotificationPreferences" });
  if (!result?.ok) return result;
  return { ...result, message: (await getTranslations("notifications"))("saved") };
}
