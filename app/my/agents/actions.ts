"use server";
// 帮办代办 actions: thin — parse, call the service, shape.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { moveAuthority, requestAuthority } from "@/lib/server/agents/authorities";
import { ZMoveAuthorityInput, ZRequestAuthorityInput } from "@/lib/server/agents/schemas";

export async function requestAuthorityAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZRequestAuthorityInput, (input, actor) => requestAuthority({ actor, input }), { permission: "applicant:self", name: "requestAuthority" });
  if (result?.ok) revalidatePath("/my/agents");
  return result;
}

export async function moveAuthorityAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZMoveAuthorityInput, (input, actor) => moveAuthority({ actor, input }), { permission: "applicant:self", name: "moveAuthority" });
  if (result?.ok) revalidatePath("/my/agents");
  return result;
}
