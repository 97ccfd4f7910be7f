// Input schemas of the expert pool (评审专家库) and of a case's expert draw, shared by server actions and services.
import "server-only";
import { z } from "zod";

/** 专业领域: a draw is made within one field, named as the pool names it (e.g. 食品安全). */
const field = z.string().trim().min(2, "expert.field").max(30, "expert.field");

export const ZAddExpertInput = z.object({
  name: z.string().trim().min(2, "expert.name").max(30, "expert.name"),
  field,
  employer: z.string().trim().max(100, "expert.employer").default(""),
});

export const ZSetExpertActiveInput = z.object({
  expertId: z.string().trim().min(1).max(60),
  /** From a form ("true"/"false") or a caller (a boolean). */
  active: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
});

export const ZDeclareConflictInput = z.object({
  expertId: z.string().trim().min(1, "expert.expert").max(60, "expert.expert"),
  /** The applicant's resident ID or unified credit code. */
  identifier: z.string().trim().min(15, "applicant.identifier").max(20, "applicant.identifier"),
  reason: z.string().trim().max(200, "expert.reason").default(""),
});

/** At most 15 experts in one draw: a review panel, not the pool. */
export const MAX_DRAW = 15;

export const ZDrawExpertsInput = z.object({
  applicationId: z.string().trim().min(1).max(60),
  field,
  count: z.coerce.number().int("expert.count").min(1, "expert.count").max(MAX_DRAW, "expert.count"),
});
