"use server";
// 一件事 in the back office: the joint survey and the one handover (thin: parse, service, shape).
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { deliverBundle } from "@/lib/server/bundles/deliver-bundle";
import { scheduleJointSurvey } from "@/lib/server/bundles/joint-survey";
import { defineBundle } from "@/lib/server/bundles/manage-bundles";
import { ZDefineBundleInput, ZDeliverBundleInput, ZJointSurveyInput } from "@/lib/server/bundles/schemas";

export async function scheduleJointSurveyAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZJointSurveyInput, (input, actor) => scheduleJointSurvey({ actor, input }), { workflow: ["SURVEY"], name: "scheduleJointSurvey" });
  if (result?.ok) revalidatePath("/office/bundles");
  return result;
}

export async function deliverBundleAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZDeliverBundleInput, (input, actor) => deliverBundle({ actor, input }), { permission: "certificate:deliver", name: "deliverBundle" });
  if (result?.ok) revalidatePath("/office/bundles");
  return result;
}

export async function defineBundleAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZDefineBundleInput, (input, actor) => defineBundle({ actor, input }), { permission: "catalogue:administer", name: "defineBundle" });
  if (result?.ok) revalidatePath("/office/admin/bundles");
  return result;
}
