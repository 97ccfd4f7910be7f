"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { addExpert } from "@/lib/server/experts/add-expert";
import { declareConflict } from "@/lib/server/experts/declare-conflict";
import { ZAddExpertInput, ZDeclareConflictInput, ZSetExpertActiveInput } from "@/lib/server/experts/schemas";
import { setExpertActive } from "@/lib/server/experts/set-expert-active";

const refresh = <R extends { ok: boolean } | null>(result: R): R => {
  if (result?.ok) revalidatePath("/office/admin/experts");
  return result;
};

export async function addExpertAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZAddExpertInput, (input, actor) => addExpert({ actor, input }), { permission: "experts:administer", name: "addExpert" }));
}

export async function setExpertActiveAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZSetExpertActiveInput, (input, actor) => setExpertActive({ actor, input }), { permission: "experts:administer", name: "setExpertActive" }));
}

export async function declareConflictAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZDeclareConflictInput, (input, actor) => declareConflict({ actor, input }), { permission: "experts:administer", name: "declareConflict" }));
}
