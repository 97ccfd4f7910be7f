"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createCentre, setCentreItems, setClerkCentre, ZCentreClerkInput, ZCentreInput, ZCentreItemsInput } from "@/lib/server/centres/manage-centres";

const refresh = <R extends { ok: boolean } | null>(result: R): R => {
  if (result?.ok) revalidatePath("/office/admin/centres");
  return result;
};

export async function createCentreAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZCentreInput, (input, actor) => createCentre({ actor, input }), { permission: "centres:administer", name: "createCentre" }));
}

export async function setCentreItemsAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZCentreItemsInput, (input, actor) => setCentreItems({ actor, input }), { permission: "centres:administer", name: "setCentreItems" }));
}

export async function setClerkCentreAction(_prev: unknown, formData: FormData) {
  return refresh(await runAction(formData, ZCentreClerkInput, (input, actor) => setClerkCentre({ actor, input }), { permission: "centres:administer", name: "setClerkCentre" }));
}
