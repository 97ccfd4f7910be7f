"use server";
// Administrator actions: thin — parse, call the service (which checks the role itself), shape.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createStaffAccount } from "@/lib/server/accounts/create-staff-account";
import { ZCreateStaffAccountInput } from "@/lib/server/accounts/schemas";
import { addCalendarYear, ZAddCalendarYearInput } from "@/lib/server/calendar/working-calendar";

export async function createStaffAccountAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZCreateStaffAccountInput, (input, actor) => createStaffAccount({ actor, input }));
  if (result?.ok) revalidatePath("/office/admin");
  return result;
}

export async function addCalendarYearAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZAddCalendarYearInput, (input, actor) => addCalendarYear({ actor, input }), { roles: ["ADMIN"], name: "addCalendarYear" });
  if (result?.ok) revalidatePath("/office/admin/calendar");
  return result;
}
