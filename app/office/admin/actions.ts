"use server";
// Administrator actions: thin — parse, call the service (which checks the role itself), shape.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createStaffAccount } from "@/lib/server/accounts/create-staff-account";
import { ZCreateStaffAccountInput } from "@/lib/server/accounts/schemas";
import { manageAccount, ZManageAccountInput } from "@/lib/server/accounts/manage-accounts";
import { getTranslations } from "next-intl/server";
import { previewCalendarYear } from "@/lib/server/calendar/preview-calendar-year";
import { publishCalendarYear } from "@/lib/server/calendar/publish-calendar-year";
import { ZCalendarYearInput } from "@/lib/server/calendar/schemas";
import { retryJob, ZRetryJobInput } from "@/lib/server/jobs/retry-job";

export async function createStaffAccountAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZCreateStaffAccountInput, (input, actor) => createStaffAccount({ actor, input }));
  if (result?.ok) revalidatePath("/office/admin");
  return result;
}

/** Previews the year's effect on open cases, or (with `confirm=1`) publishes it. */
export async function publishCalendarYearAction(_prev: unknown, formData: FormData) {
  const confirm = formData.get("confirm") === "1";
  const values = { year: String(formData.get("year") ?? ""), off: String(formData.get("off") ?? ""), work: String(formData.get("work") ?? ""), source: String(formData.get("source") ?? "") };
  const result = await runAction(
    formData,
    ZCalendarYearInput,
    async (input, actor) => ({ published: confirm, values, summary: await (confirm ? publishCalendarYear : previewCalendarYear)({ actor, input }) }),
    { permission: "calendar:administer", name: "publishCalendarYear" },
  );
  if (result?.ok && confirm) revalidatePath("/office/admin/calendar");
  return result;
}

/** Unlock, disable, enable or reset an account; a staff reset shows its temporary password once. */
export async function manageAccountAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZManageAccountInput, (input, actor) => manageAccount({ actor, input }), { permission: "accounts:administer", name: "manageAccount" });
  if (!result?.ok) return result;
  // No revalidation here: the row's buttons would change under the message (and a temporary
  // password must stay readable); the list shows the new state on the next visit.
  const t = await getTranslations("office.accounts");
  const d = result.data;
  const message = d.temporaryPassword ? t("done.temporaryPassword", { loginId: d.loginId, password: d.temporaryPassword }) : d.codeSent ? t("done.codeSent", { loginId: d.loginId }) : t("done.changed", { loginId: d.loginId });
  return { ...result, message };
}

/** Runs a failed job again (its attempts start over). */
export async function retryJobAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZRetryJobInput, (input, actor) => retryJob({ actor, input }), { permission: "jobs:administer", name: "retryJob" });
  if (result?.ok) revalidatePath("/office/admin/jobs");
  return result;
}
