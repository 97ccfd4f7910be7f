"use server";
// Back-office case actions: review, decide, escalate, forward, and the clock ledger. Thin: each
// service checks the actor's role, the case's section and the delegation itself.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { decideCase } from "@/lib/server/cases/decide-case";
import { endSuspension } from "@/lib/server/cases/end-suspension";
import { escalateCase } from "@/lib/server/cases/escalate-case";
import { forwardCase } from "@/lib/server/cases/forward-case";
import { grantExtension } from "@/lib/server/cases/grant-extension";
import { recordHigherReply } from "@/lib/server/cases/record-higher-reply";
import { recordReview } from "@/lib/server/cases/record-review";
import { recordSurvey } from "@/lib/server/cases/record-survey";
import { startSuspension } from "@/lib/server/cases/start-suspension";
import { drawExpertsForCase } from "@/lib/server/experts/draw-experts";
import { ZDrawExpertsInput } from "@/lib/server/experts/schemas";
import { changeCertificateStatus, ZChangeCertificateStatusInput } from "@/lib/server/certificates/change-certificate-status";
import { issueCertificate, ZIssueInput } from "@/lib/server/certificates/issue-certificate";
import { recordCertificateDelivery, ZRecordDeliveryInput } from "@/lib/server/certificates/record-certificate-delivery";
import { replaceCertificate, ZReplaceCertificateInput } from "@/lib/server/certificates/replace-certificate";
import {
  decideFormToInput,
  ZDecideInput,
  ZEndSuspensionInput,
  ZEscalateInput,
  ZExtensionInput,
  ZForwardInput,
  ZHigherReplyInput,
  ZReviewInput,
  ZSurveyInput,
  ZSuspendInput,
} from "@/lib/server/cases/schemas";


function refresh<T extends { ok: boolean } | null>(result: T, formData: FormData): T {
  if (result?.ok) {
    const id = formData.get("applicationId");
    revalidatePath(`/office/cases/${id}`);
    revalidatePath(`/office/window/applications/${id}`);
  }
  return result;
}

export async function recordReviewAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZReviewInput, (input, actor) => recordReview({ actor, input }), { workflow: ["RECORD_REVIEW", "ADD_OPINION"], name: "recordReview" }), fd);
}
export async function decideCaseAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZDecideInput, (input, actor) => decideCase({ actor, input }), { workflow: ["APPROVE", "DENY"], name: "decideCase", toInput: decideFormToInput }), fd);
}
export async function escalateCaseAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZEscalateInput, (input, actor) => escalateCase({ actor, input }), { workflow: ["ESCALATE"], name: "escalateCase" }), fd);
}
export async function forwardCaseAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZForwardInput, (input, actor) => forwardCase({ actor, input }), { workflow: ["FORWARD"], name: "forwardCase" }), fd);
}
export async function recordHigherReplyAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZHigherReplyInput, (input, actor) => recordHigherReply({ actor, input }), { workflow: ["RECORD_HIGHER_REPLY"], name: "recordHigherReply" }), fd);
}
export async function startSuspensionAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZSuspendInput, (input, actor) => startSuspension({ actor, input }), { workflow: ["SUSPEND"], name: "startSuspension" }), fd);
}
export async function endSuspensionAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZEndSuspensionInput, (input, actor) => endSuspension({ actor, input }), { workflow: ["RESUME"], name: "endSuspension" }), fd);
}
export async function recordSurveyAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZSurveyInput, (input, actor) => recordSurvey({ actor, input }), { workflow: ["SURVEY"], name: "recordSurvey" }), fd);
}
export async function grantExtensionAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZExtensionInput, (input, actor) => grantExtension({ actor, input }), { workflow: ["EXTEND"], name: "grantExtension" }), fd);
}
export async function drawExpertsAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZDrawExpertsInput, (input, actor) => drawExpertsForCase({ actor, input }), { workflow: ["DRAW_EXPERTS"], name: "drawExperts" }), fd);
}

export async function issueCertificateAction(_prev: unknown, fd: FormData) {
  return refresh(await runAction(fd, ZIssueInput, (input, actor) => issueCertificate({ actor, input }), { workflow: ["ISSUE"], name: "issueCertificate" }), fd);
}

export async function replaceCertificateAction(_prev: unknown, fd: FormData) {
  const result = await runAction(fd, ZReplaceCertificateInput, (input, actor) => replaceCertificate({ actor, input }), { permission: "certificate:replace", name: "replaceCertificate" });
  if (result?.ok) revalidatePath("/office", "layout");
  return result;
}

export async function recordCertificateDeliveryAction(_prev: unknown, fd: FormData) {
  const result = await runAction(fd, ZRecordDeliveryInput, (input, actor) => recordCertificateDelivery({ actor, input }), { permission: "certificate:deliver", name: "recordCertificateDelivery" });
  if (result?.ok) revalidatePath("/office", "layout");
  return result;
}

export async function changeCertificateStatusAction(_prev: unknown, fd: FormData) {
  const result = await runAction(fd, ZChangeCertificateStatusInput, (input, actor) => changeCertificateStatus({ actor, input }), { permission: "certificate:revoke", name: "changeCertificateStatus" });
  if (result?.ok) revalidatePath("/office", "layout");
  return result;
}
