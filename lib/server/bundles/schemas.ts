// Input schemas of the bundle (一件事) use cases; messages are i18n keys under `fields.`.
import { z } from "zod";
import { HANDOVER_FIELDS } from "@/lib/server/certificates/record-certificate-delivery";
import { ZStartApplicationInput, applicationFormToInput } from "@/lib/server/applications/schemas";

/** The ONE form of a bundle: the application form's common part, the bundle, and the optional items chosen. */
export const ZStartBundleInput = ZStartApplicationInput.omit({ itemCode: true, applicantId: true, onBehalfOf: true }).extend({
  bundleCode: z.string().trim().min(1, "required").max(40),
  /** Optional items of the bundle the applicant also files (item ids). */
  optional: z.array(z.string().max(40)).max(30).default([]),
});
export type TStartBundleInput = z.input<typeof ZStartBundleInput>;

export function bundleFormToInput(fd: FormData) {
  return { ...applicationFormToInput(fd), optional: fd.getAll("optional").filter((v): v is string => typeof v === "string") };
}

export const ZBundleRef = z.object({ bundleFilingId: z.string().trim().min(1).max(40) });

export const ZSubmitBundleInput = ZBundleRef.extend({ declaration: z.literal("on", "application.declaration") });

export const ZJointSurveyInput = ZBundleRef.extend({
  scheduledOn: z.iso.date("survey.date"),
  place: z.string().trim().min(2, "survey.place").max(200, "survey.place"),
  note: z.string().trim().max(1000).default(""),
});

export const ZDeliverBundleInput = z.discriminatedUnion("method", [ZBundleRef.extend(HANDOVER_FIELDS.PICKUP), ZBundleRef.extend(HANDOVER_FIELDS.POST)]);

/** An administrator's bundle: items by implementation code, one line each: `code | required|optional | survey`. */
export const ZDefineBundleInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,20}$/, "bundle.code"),
  name: z.string().trim().min(2, "bundle.name").max(60, "bundle.name"),
  description: z.string().trim().max(1000).default(""),
  items: z.string().trim().min(1, "bundle.items").max(4000, "bundle.items"),
  /** Names of materials given once (one per line); empty: every material asked by two or more items. */
  sharedMaterials: z.string().trim().max(4000).default(""),
});
