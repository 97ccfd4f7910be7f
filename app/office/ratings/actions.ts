"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { answerFollowUp, appealRating, decideRatingAppeal, ZAnswerFollowUpInput, ZAppealRatingInput, ZDecideAppealInput } from "@/lib/server/ratings/follow-ups";

export async function answerFollowUpAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZAnswerFollowUpInput, (input, actor) => answerFollowUp({ actor, input }), { permission: "ratings:follow-up", name: "answerFollowUp" });
  if (result?.ok) revalidatePath("/office/ratings");
  return result;
}

export async function appealRatingAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZAppealRatingInput, (input, actor) => appealRating({ actor, input }), { permission: "ratings:appeal", name: "appealRating" });
  if (result?.ok) revalidatePath("/office/ratings");
  return result;
}

export async function decideRatingAppealAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZDecideAppealInput, (input, actor) => decideRatingAppeal({ actor, input }), { permission: "ratings:decide-appeal", name: "decideRatingAppeal" });
  if (result?.ok) revalidatePath("/office/ratings");
  return result;
}
