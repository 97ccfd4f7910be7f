// Input schemas of account use cases, shared by server actions and services.
import { z } from "zod";
import { creditCodeProblem, normalizeCreditCode } from "@/lib/domain/identity/credit-code";
import { normalizeResidentId, residentIdProblem } from "@/lib/domain/identity/resident-id";
import { STAFF_ROLES } from "@/lib/domain/access/roles";

// Messages are i18n keys (errors.*), translated at the edge.
export const password = z.string().min(8, "password.tooShort").max(128, "password.tooLong")
  .regex(/[A-Za-z]/, "password.needsLetter").regex(/\d/, "password.needsDigit");
export const phone = z.string().trim().regex(/^1\d{10}$/, "phone.invalid");
export const name = z.string().trim().min(2, "name.tooShort").max(100, "name.tooLong");

export const ZRegisterPersonInput = z.object({
  applicantType: z.literal("PERSON"),
  name,
  residentId: z.string().trim().transform(normalizeResidentId).superRefine((v, ctx) => {
    const p = residentIdProblem(v);
    if (p) ctx.addIssue({ code: "custom", message: `residentId.${p}` });
  }),
  phone,
  password,
});

export const ZRegisterEnterpriseInput = z.object({
  applicantType: z.literal("ENTERPRISE"),
  name,
  creditCode: z.string().trim().transform(normalizeCreditCode).superRefine((v, ctx) => {
    const p = creditCodeProblem(v);
    if (p) ctx.addIssue({ code: "custom", message: `creditCode.${p}` });
  }),
  contactName: name,
  phone,
  password,
});

export const ZRegisterApplicantInput = z.discriminatedUnion("applicantType", [ZRegisterPersonInput, ZRegisterEnterpriseInput]);
export type TRegisterApplicantInput = z.infer<typeof ZRegisterApplicantInput>;

export const ZCreateStaffAccountInput = z.object({
  loginId: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_.-]{2,31}$/, "loginId.invalid"),
  name,
  role: z.enum(STAFF_ROLES as [string, ...string[]]).transform((r) => r as (typeof STAFF_ROLES)[number]),
  sectionId: z.string().trim().nullish().transform((v) => v || null),
  password,
});
export type TCreateStaffAccountInput = z.infer<typeof ZCreateStaffAccountInput>;

/** Asking for a one-time code: the account's login (resident ID, credit code or sub-account login). */
export const ZRequestCodeInput = z.object({
  loginId: z.string().trim().toUpperCase().min(3, "loginId.invalid").max(64, "loginId.invalid"),
  purpose: z.enum(["RESET", "CLAIM"]).default("RESET").catch("RESET"),
});

/** Using it: the code and the new password. */
export const ZResetWithCodeInput = z.object({
  loginId: z.string().trim().toUpperCase().min(3, "loginId.invalid").max(64, "loginId.invalid"),
  code: z.string().max(20, "code.invalid"),
  password,
});

/** An enterprise adds a member of its staff (经办人) who files for it. */
export const ZAddEnterpriseStaffInput = z.object({ name, phone });
