"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { answerSupervisionNotice, issueSupervisionNotice, ZAnswerNoticeInput, ZIssueNoticeInput } from "@/lib/server/cards/supervision-notices";

export async function issueSupervisionNoticeAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZIssueNoticeInput, (input, actor) => issueSupervisionNotice({ actor, input }), { permission: "cards:supervise", name: "issueSupervisionNotice" });
  if (result?.ok) revalidatePath("/office/cards");
  return result;
}

export async function answerSupervisionNoticeAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZAnswerNoticeInput, (input, actor) => answerSupervisionNotice({ actor, input }), { permission: "cards:answer", name: "answerSupervisionNotice" });
  if (result?.ok) revalidatePath("/office/cards");
  return result;
}
