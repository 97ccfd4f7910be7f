// Which audit actions an application's own page lists as its history (the applicant's and the
// back office's), each with a message under `application.events.<action with _ for .>`. Anything
// else recorded against an application (e.g. a refused probe of it by someone else) stays in the
// supervisors' trail only.
import { REPLACEMENT_KINDS } from "@/lib/domain/certificates/certificate-actions";
import { APPLICATION_EVENTS } from "@/lib/domain/workflow/application-workflow";

export const APPLICATION_TRAIL_ACTIONS: readonly string[] = [
  "application.created",
  ...APPLICATION_EVENTS.map((e) => `application.${e}`),
  "application.material.uploaded",
  "application.material.reused",
  "application.reviewOpinion",
  "application.deliveryChosen",
  "clock.survey",
  "clock.suspended",
  "clock.resumed",
  "clock.extended",
  "clock.calendarRecounted",
  "decision.refused",
  ...REPLACEMENT_KINDS.map((k) => `certificate.${k}`),
  "certificate.REVOKED",
  "certificate.CANCELLED",
  "certificate.collected",
  "certificate.mailed",
];

/** The message key of a trail action. */
export const trailMessageKey = (action: string) => action.replaceAll(".", "_");
