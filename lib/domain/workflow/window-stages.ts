// The window's own work: every case the window is involved in, by the stage at which it waits for the
// window (or for the applicant at the window). Derived from the transition table and state facts, so
// the clerk's work list never compares states itself.
import type { DeliveryMethod } from "@/lib/domain/certificates/certificate-actions";
import { APPLICATION_STATES, TRANSITIONS, type ApplicationState } from "./application-workflow";
import { INTAKE_QUEUE_STATES, stateFacts } from "./state-facts";

export const WINDOW_STAGES = ["INTAKE", "CORRECTION", "OWED", "ISSUING", "HANDOVER"] as const;
export type WindowStage = (typeof WINDOW_STAGES)[number];

/** The states of the stages that a state alone decides (handing over also needs the certificate's delivery). */
export const WINDOW_STAGE_STATES: Record<Exclude<WindowStage, "HANDOVER">, readonly ApplicationState[]> = {
  /** Filed, waiting for the intake decision. */
  INTAKE: INTAKE_QUEUE_STATES,
  /** 一次性告知: the applicant corrects, the window takes the resubmission. */
  CORRECTION: APPLICATION_STATES.filter((s) => stateFacts(s).awaitingCorrection),
  /** 容缺受理: supplementary materials owed to the window. */
  OWED: APPLICATION_STATES.filter((s) => stateFacts(s).owesMaterials),
  /** Approved, the certificate to be issued under the seal. */
  ISSUING: TRANSITIONS.ISSUE.from,
};

/** The state in which an issued certificate may still wait to be handed over. */
export const HANDOVER_STATE: ApplicationState = TRANSITIONS.ISSUE.to;

/** Every state-decided stage's states, for the "all" view and its index. */
export const WINDOW_OPEN_STATES: readonly ApplicationState[] = [...new Set(Object.values(WINDOW_STAGE_STATES).flat())];

/** A certificate the window still has to hand over: collected at the window, or posted by it. */
export function awaitsHandover(c: { deliveryMethod: DeliveryMethod; deliveredAt: Date | null; mailedAt: Date | null }): boolean {
  return (c.deliveryMethod === "PICKUP" && !c.deliveredAt) || (c.deliveryMethod === "POST" && !c.mailedAt);
}

/** Where a case stands for the window, or null when the window has nothing to do with it now. */
export function windowStageOf(state: ApplicationState, certificate: Parameters<typeof awaitsHandover>[0] | null): WindowStage | null {
  for (const [stage, states] of Object.entries(WINDOW_STAGE_STATES)) if (states.includes(state)) return stage as WindowStage;
  return state === HANDOVER_STATE && certificate && awaitsHandover(certificate) ? "HANDOVER" : null;
}

/** What the clerk typed in the work list's search box: an applicant's ID is looked up, never put in a URL. */
export type WindowSearch = { kind: "identity"; value: string } | { kind: "text"; value: string };

export function classifyWindowSearch(raw: string): WindowSearch | null {
  const value = raw.trim().replace(/\s+/g, " ");
  if (!value) return null;
  // 18-character resident IDs and credit codes (and 15-digit old IDs): letters and digits only.
  if (/^[0-9A-Za-z]{15}$|^[0-9A-Za-z]{17}[0-9A-Za-z]$/.test(value) && /\d{6}/.test(value)) return { kind: "identity", value: value.toUpperCase() };
  return { kind: "text", value };
}
