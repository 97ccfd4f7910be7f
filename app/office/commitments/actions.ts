"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { recordPostCheck, ZRecordPostCheckInput } from "@/lib/server/commitments/post-checks";

export async function recordPostCheckAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZRecordPostCheckInput, (input, actor) => recordPostCheck({ actor, input }), { permission: "commitments:check", name: "recordPostCheck" });
  if (result?.ok) revalidatePath("/office/commitments");
  return result;
}
