// Input schemas of the delegation use cases, shared by server actions and services.
import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/domain/access/roles";

const plainDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "delegation.date");
const idList = z.union([z.array(z.string()), z.string().transform((s) => s.split(/[\s,，]+/).filter(Boolean))]).default([]);

export const ZGrantDelegationInput = z.object({
  granteeUserId: z.string().trim().nullish().transform((v) => v || null),
  granteeRole: z.enum(ROLES).nullish().or(z.literal("")).transform((v) => v || null),
  itemIds: idList,
  /** 实施编码 of listed items, one per line (resolved to items here). */
  itemCodes: idList,
  sectionIds: idList,
  scope: z.enum(["INSTANT_ONLY", "INSTANT_AND_PROMISED"], "delegation.scope"),
  validFrom: plainDate,
  validTo: plainDate,
  note: z.string().trim().max(500).default(""),
});
export type TGrantDelegationInput = z.input<typeof ZGrantDelegationInput>;

export const ZRevokeDelegationInput = z.object({
  delegationId: z.string().trim().min(1),
  reason: z.string().trim().min(2, "delegation.revokeReason").max(500, "delegation.revokeReason"),
});
