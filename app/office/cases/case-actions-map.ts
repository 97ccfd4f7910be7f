// The case page's forms and their server actions, in one place for every page that shows a case.
import type { FormAction } from "@/components/applications/action-form";
import type { CaseActions } from "@/components/cases/case-panel";
import {
  decideCaseAction,
  drawExpertsAction,
  endSuspensionAction,
  escalateCaseAction,
  forwardCaseAction,
  grantExtensionAction,
  recordHigherReplyAction,
  recordReviewAction,
  recordSurveyAction,
  startSuspensionAction,
  issueCertificateAction,
  changeCertificateStatusAction,
  replaceCertificateAction,
  recordCertificateDeliveryAction,
} from "./actions";

export const CASE_ACTIONS: CaseActions = {
  review: recordReviewAction,
  decide: decideCaseAction,
  escalate: escalateCaseAction,
  forward: forwardCaseAction,
  reply: recordHigherReplyAction,
  suspend: startSuspensionAction,
  resume: endSuspensionAction,
  survey: recordSurveyAction,
  extend: grantExtensionAction,
  issue: issueCertificateAction,
  endCertificate: changeCertificateStatusAction,
  replaceCertificate: replaceCertificateAction,
  recordDelivery: recordCertificateDeliveryAction,
};

/** 专家评审: the draw of a case's experts (its own card on the case page, offered by the table as DRAW_EXPERTS). */
export const DRAW_EXPERTS_ACTION: FormAction = drawExpertsAction;
