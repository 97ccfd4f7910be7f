// Input schemas of 帮办代办; messages are i18n keys under `fields.`.
import { z } from "zod";

export const ZRequestAuthorityInput = z.object({
  /** The enterprise's 统一社会信用代码. */
  creditCode: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, "creditCode.invalid"),
  scope: z.string().trim().min(2, "agent.scope").max(500, "agent.scope"),
});

export const ZMoveAuthorityInput = z.object({
  authorityId: z.string().trim().min(1).max(40),
  move: z.enum(["CONFIRM", "REVOKE"], "required"),
});
