"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import {
  answerComplaint,
  assignComplaint,
  handleComplaint,
  pressComplaint,
  ZAnswerComplaintInput,
  ZAssignComplaintInput,
  ZHandleComplaintInput,
  ZPressComplaintInput,
} from "@/lib/server/complaints/work-complaint";

const refresh = <R extends { ok: boolean } | null>(result: R): R => {
  if (result?.ok) revalidatePath("/office/complaints", "layout");
  return result;
};

export async function assignComplaintAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZAssignComplaintInput, (input, actor) => assignComplaint({ actor, input }), { permission: "complaints:manage", name: "assignComplaint" }));
}

export async function handleComplaintAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZHandleComplaintInput, (input, actor) => handleComplaint({ actor, input }), { permission: "complaints:handle", name: "handleComplaint" }));
}

export async function answerComplaintAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZAnswerComplaintInput, (input, actor) => answerComplaint({ actor, input }), { permission: "complaints:manage", name: "answerComplaint" }));
}

export async function pressComplaintAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZPressComplaintInput, (input, actor) => pressComplaint({ actor, input }), { permission: "complaints:manage", name: "pressComplaint" }));
}
