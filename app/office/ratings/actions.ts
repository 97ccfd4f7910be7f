"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { answerFollowUp, ZAnswerFollowUpInput } from "@/lib/server/ratings/follow-ups";

export async function answerFollowUpAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZAnswerFollowUpInput, (input, actor) => answerFollowUp({ actor, input }), { permission: "ratings:follow-up", name: "answerFollowUp" });
  if (result?.ok) revalidatePath("/office/ratings");
  return result;
}
