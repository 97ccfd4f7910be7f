// The case page's forms and their server actions, in one place for every page that shows a case.
import type { CaseActions } from "@/components/cases/case-panel";
import {
  decideCaseAction,
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
