"use server";
// Applicant actions: thin — parse, call the service (which checks the actor itself), shape.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signCommitment, ZSignCommitmentInput } from "@/lib/server/commitments/sign-commitment";
import { runAction } from "@/lib/server/action";
import { startApplication, submitApplication, withdrawApplication } from "@/lib/server/applications/file-application";
import { reuseMaterialFile } from "@/lib/server/applications/materials";
import { rateOnlineService, ratingInputOf, ZRatingInput } from "@/lib/server/ratings/rate-service";
import { chooseDelivery } from "@/lib/server/applications/choose-delivery";
import { askPaymentStatus, ZAskPaymentStatus } from "@/lib/server/fees/ask-payment-status";
import { markMessagesRead } from "@/lib/server/applications/messages";
import { addEnterpriseStaff, removeEnterpriseStaff } from "@/lib/server/accounts/enterprise-staff";
import { ZAddEnterpriseStaffInput } from "@/lib/server/accounts/schemas";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ZApplicationRef, ZSubmitInput, ZChooseDeliveryInput, ZReuseFileInput, ZStartApplicationInput, applicationFormToInput } from "@/lib/server/applications/schemas";

export async function startApplicationAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZStartApplicationInput, (input, actor) => startApplication({ actor, input }), { permission: "applicant:self", name: "startApplication", toInput: applicationFormToInput });
  if (result?.ok) redirect(`/my/applications/${result.data.id}`);
  return result;
}

export async function submitApplicationAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZSubmitInput, (input, actor) => submitApplication({ actor, applicationId: input.applicationId, declared: true }), { permission: "applicant:self", name: "submitApplication" });
  if (result?.ok) revalidatePath(`/my/applications/${result.data.id}`);
  return result;
}

export async function withdrawApplicationAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZApplicationRef, (input, actor) => withdrawApplication({ actor, applicationId: input.applicationId }), { permission: "applicant:self", name: "withdrawApplication" });
  if (result?.ok) revalidatePath(`/my/applications/${result.data.id}`);
  return result;
}

export async function chooseDeliveryAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZChooseDeliveryInput, (input, actor) => chooseDelivery({ actor, input }), { permission: "applicant:self", name: "chooseDelivery" });
  if (result?.ok) revalidatePath(`/my/applications/${result.data.id}`);
  return result;
}

export async function reuseFileAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZReuseFileInput, (input, actor) => reuseMaterialFile({ actor, ...input }), { permission: "applicant:self", name: "reuseMaterialFile" });
  if (result?.ok) revalidatePath("/my/applications");
  return result;
}

export async function markMessagesReadAction(_prev: unknown, _formData: FormData) {
  const result = await runAction(new FormData(), ZApplicationRef.partial(), (_input, actor) => markMessagesRead({ actor }), { permission: "applicant:self", name: "markMessagesRead" });
  revalidatePath("/my/messages");
  return result;
}

/** An enterprise adds a member of staff; the page says the login they claim with a code to their phone. */
export async function addEnterpriseStaffAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZAddEnterpriseStaffInput, (input, actor) => addEnterpriseStaff({ actor, input }), { permission: "applicant:self", name: "addEnterpriseStaff" });
  if (!result?.ok) return result;
  revalidatePath("/my/staff");
  return { ...result, message: (await getTranslations("my.staff"))("added", { loginId: result.data.loginId, name: result.data.name }) };
}

export async function removeEnterpriseStaffAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, z.object({ userId: z.string().min(1).max(64) }), (input, actor) => removeEnterpriseStaff({ actor, userId: input.userId }), { permission: "applicant:self", name: "removeEnterpriseStaff" });
  if (result?.ok) revalidatePath("/my/staff");
  return result;
}

/** The applicant rates their answered online filing (一事一评). */
export async function rateOnlineAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZRatingInput.extend({ applicationId: z.string().min(1).max(60) }), ({ applicationId, ...input }, actor) => rateOnlineService({ actor, applicationId, input }), { toInput: ratingInputOf, permission: "applicant:self", name: "rateOnlineService" });
}

export async function signCommitmentAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZSignCommitmentInput, (input, actor) => signCommitment({ actor, input }), { permission: "applicant:self", name: "signCommitment" });
  if (result?.ok) revalidatePath("/my/applications");
  return result;
}

/** 缴款: "I have paid" — the worker asks the fiscal platform now. */
export async function askPaymentStatusAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZAskPaymentStatus, (input, actor) => askPaymentStatus({ actor, input }), { name: "askPaymentStatus" });
}
