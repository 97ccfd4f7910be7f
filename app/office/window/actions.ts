"use server";
// Window clerk actions: walk-in registration and filing, and the intake decision. Thin: the
// services check the role and the case themselves.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { signCommitment, ZSignCommitmentInput } from "@/lib/server/commitments/sign-commitment";
import { runAction } from "@/lib/server/action";
import { groupedFields } from "@/lib/server/form-fields";
import { reissuePaymentNotice, ZReissuePaymentNotice } from "@/lib/server/fees/reissue-payment-notice";
import { findApplicant, registerWalkInApplicant, ZFindApplicantInput, ZWalkInApplicantInput } from "@/lib/server/applications/applicants";
import { windowCasesHref, ZWindowCaseSearch } from "@/lib/server/applications/list-window-cases";
import { startApplication, submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { reuseMaterialFile } from "@/lib/server/applications/materials";
import { rateWindowVisitOnDevice, ratingInputOf, ZRatingInput } from "@/lib/server/ratings/rate-service";
import { ZApplicationRef, ZSubmitInput, ZDecideIntakeInput, ZReuseFileInput, ZStartApplicationInput, applicationFormToInput } from "@/lib/server/applications/schemas";

/** The work list's search: an ID is looked up in this POST and never put in the URL. */
export async function searchWindowCasesAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZWindowCaseSearch, (input, actor) => windowCasesHref({ actor, input }), { permission: "intake:work", name: "searchWindowCases" });
  if (result?.ok) redirect(result.data);
  return result;
}

/** Walk-in step 1: who is applying, found by ID in a POST (the ID stays out of the URL and is handed to the registration form when nobody is found). */
export async function findWalkInApplicantAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZFindApplicantInput, async (input, actor) => ({ applicant: await findApplicant({ actor, identifier: input.identifier }), identifier: input.identifier }), {
    permission: "intake:work",
    name: "findApplicant",
  });
}

export async function registerWalkInAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZWalkInApplicantInput, (input, actor) => registerWalkInApplicant({ actor, input }), { permission: "intake:work", name: "registerWalkInApplicant" });
  if (result?.ok) redirect(`/office/window/walk-in?applicant=${result.data.id}`);
  return result;
}

export async function startWalkInAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZStartApplicationInput, (input, actor) => startApplication({ actor, input }), { permission: "intake:work", name: "startApplication", toInput: applicationFormToInput });
  if (result?.ok) redirect(`/office/window/applications/${result.data.id}`);
  return result;
}

export async function submitWalkInAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZSubmitInput, (input, actor) => submitApplication({ actor, applicationId: input.applicationId, declared: true }), { permission: "intake:work", name: "submitApplication" });
  if (result?.ok) revalidatePath(`/office/window/applications/${result.data.id}`);
  return result;
}

export async function reuseWalkInFileAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZReuseFileInput, (input, actor) => reuseMaterialFile({ actor, ...input }), { permission: "intake:work", name: "reuseMaterialFile" });
  if (result?.ok) revalidatePath("/office/window/applications");
  return result;
}

/** Form fields → decision input: repeated `ok` boxes and `problem.<materialId>` texts. */
function intakeInput(formData: FormData) {
  // A problem left blank is none.
  const problems = Object.fromEntries(Object.entries(groupedFields(formData, "problem.").group).filter(([, text]) => text.trim()));
  return {
    applicationId: formData.get("applicationId"),
    decision: formData.get("decision") ?? undefined,
    okMaterialIds: formData.getAll("ok").filter((v) => typeof v === "string"),
    problems,
    owedDays: formData.get("owedDays") || undefined,
    reason: formData.get("reason") ?? "",
    basis: formData.get("basis") ?? "",
  };
}

export async function decideIntakeAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZDecideIntakeInput, (input, actor) => decideIntake({ actor, input }), { permission: "intake:work", name: "decideIntake", toInput: intakeInput });
  if (result?.ok) revalidatePath(`/office/window/applications/${result.data.id}`);
  return result;
}

/** The window's tablet: the applicant rates the visit that just ended. The thanks stay on screen (no
 * refresh under them); the tablet shows the next visit when it is opened again. */
export async function rateOnDeviceAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZRatingInput.extend({ applicationId: z.string().min(1).max(60), visit: z.string().max(80).optional() }), ({ applicationId, visit, ...input }, actor) => rateWindowVisitOnDevice({ actor, applicationId, visit, input }), { toInput: ratingInputOf, permission: "intake:work", name: "rateWindowVisitOnDevice" });
}

export async function signWalkInCommitmentAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZSignCommitmentInput, (input, actor) => signCommitment({ actor, input }), { permission: "intake:work", name: "signCommitment" });
  if (result?.ok) revalidatePath("/office/window/applications");
  return result;
}

/** 缴款通知书 expired: the window issues it again (a new code and due day). */
export async function reissuePaymentNoticeAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZReissuePaymentNotice, (input, actor) => reissuePaymentNotice({ actor, input }), { permission: "payments:reissue", name: "reissuePaymentNotice" });
  if (result?.ok) revalidatePath(`/office/window/applications/${result.data.id}`);
  return result;
}
