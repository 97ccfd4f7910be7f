// Input schemas of 帮办代办; messages are i18n keys under `fields.`.
import { z } from "zod";

export const ZRequestAuthorityInput = z.object({
  /** The enterprise's 统一社会信用代码. */
  creditCode: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, "creditCode.format"),
  scope: z.string().trim().min(2, "agent.scope").max(500, "agent.scope"),
});

export const ZMoveAuthorityInput = z.object({
  authorityId: z.string().trim().min(1).max(40),
  move: z.enum(["CONFIRM", "REVOKE"], "required"),
});

/** 帮办代办 at the window: the clerk checked the paper power of attorney the agent brought. */
export const ZWindowAuthorityInput = z.object({
  creditCode: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, "creditCode.format"),
  agentResidentId: z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, "residentId.format"),
  scope: z.string().trim().min(2, "agent.scope").max(500, "agent.scope"),
  /** The clerk saw the original with the enterprise's seal and its legal representative's signature. */
  checked: z.literal("on", "agent.checked"),
});
