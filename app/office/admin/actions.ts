"use server";
// Administrator actions: thin — parse, call the service (which checks the role itself), shape.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createStaffAccount } from "@/lib/server/accounts/create-staff-account";
import { ZCreateStaffAccountInput } from "@/lib/server/accounts/schemas";

export async function createStaffAccountAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZCreateStaffAccountInput, (input, actor) => createStaffAccount({ actor, input }));
  if (result?.ok) revalidatePath("/office/admin");
  return result;
}
