// Input schemas of application use cases, shared by server actions and services.
// Messages are i18n keys under `fields.`, translated at the edge.
import { z } from "zod";
import { groupedFields } from "@/lib/server/form-fields";
import { DELIVERY_METHODS } from "@/lib/domain/certificates/certificate-actions";

const phone = z.string().trim().regex(/^1\d{10}$/, "phone.invalid");

export const ZStartApplicationInput = z.object({
  itemCode: z.string().trim().min(1, "required").max(100),
  /** Generated when the form is shown; the same key always finds the same application. */
  submissionKey: z.string().uuid("required"),
  subject: z.string().trim().min(2, "application.subject").max(500, "application.subject"),
  contactName: z.string().trim().min(2, "name.tooShort").max(100, "name.tooLong"),
  contactPhone: phone,
  address: z.string().trim().max(200, "application.address").default(""),
  /** Set by a window clerk filing for a walk-in applicant; ignored for applicants. */
  applicantId: z.string().trim().optional(),
  /** 帮办代办: the agent's authority (id) of the enterprise filed for; empty: the applicant files for themselves. */
  onBehalfOf: z.string().trim().max(40).optional(),
  /** 送达: how the certificate should reach the applicant; post needs an address. */
  deliveryMethod: z.enum(DELIVERY_METHODS, "delivery.method").default("ELECTRONIC"),
  deliveryAddress: z.string().trim().max(200, "delivery.address").default(""),
  /** Answers to the item version's own form fields, by field key. */
  answers: z.record(z.string(), z.string().max(4000)).default({}),
  /** Conditional materials (Material.condition) whose situation the filer says applies. */
  applies: z.array(z.string().max(40)).max(60).default([]),
});
export type TStartApplicationInput = z.input<typeof ZStartApplicationInput>;

/** The filing form's flat fields → the schema's shape (item fields come as `f.<key>`). */
export function applicationFormToInput(fd: FormData) {
  const { fields, group: answers } = groupedFields(fd, "f.");
  // `applies` is repeated (one box per situation): all of them, not the last.
  const { applies: _last, ...rest } = fields;
  return { ...rest, answers, applies: fd.getAll("applies").filter((v): v is string => typeof v === "string") };
}

export const ZApplicationRef = z.object({ applicationId: z.string().trim().min(1) });

/** Submitting (or resubmitting, or reporting owed materials): the filer confirms the truthfulness declaration. */
export const ZSubmitInput = ZApplicationRef.extend({ declaration: z.literal("on", "application.declaration") });

export const ZChooseDeliveryInput = z.object({
  applicationId: z.string().trim().min(1),
  deliveryMethod: z.enum(DELIVERY_METHODS, "delivery.method"),
  deliveryAddress: z.string().trim().max(200, "delivery.address").default(""),
});

export const ZReuseFileInput = z.object({
  applicationId: z.string().trim().min(1),
  materialId: z.string().trim().min(1),
  storedFileId: z.string().trim().min(1, "application.chooseFile"),
});

export const INTAKE_DECISIONS = ["ACCEPT", "ACCEPT_WITH_DEFICIENCIES", "REQUEST_CORRECTION", "REJECT"] as const;
export type IntakeDecision = (typeof INTAKE_DECISIONS)[number];

export const ZDecideIntakeInput = z.object({
  applicationId: z.string().trim().min(1),
  decision: z.enum(INTAKE_DECISIONS, "intake.decision"),
  /** Materials the clerk ticked as present and acceptable; every other one is not. */
  okMaterialIds: z.array(z.string()).default([]),
  /** What is wrong with a material, by material id (correction notice and deficiencies). */
  problems: z.record(z.string(), z.string().trim().max(300)).default({}),
  /** 容缺受理: working days the applicant has to supply what is owed. */
  owedDays: z.coerce.number().int("intake.owedDays").min(1, "intake.owedDays").max(30, "intake.owedDays").default(5),
  reason: z.string().trim().max(1000).default(""),
  basis: z.string().trim().max(1000).default(""),
});
export type TDecideIntakeInput = z.input<typeof ZDecideIntakeInput>;

export const ZProgressLookupInput = z.object({
  number: z.string().trim().min(1, "progress.number").max(40, "progress.number"),
  idTail: z.string().trim().regex(/^[0-9A-Za-z]{4}$/, "progress.idTail"),
});
