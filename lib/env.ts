// Environment, read once and validated; every other module reads configuration from here.
import { z } from "zod";

const ZEnv = z.object({
  /** Required at run time; checked where the database is first used (lib/server/db.ts). */
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  /** Auth.js refuses to run without it; `npm run dev` generates one under .data/. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** Minutes a signed-in session lasts without being refreshed. */
  SESSION_MAX_AGE_MINUTES: z.coerce.number().int().positive().default(8 * 60),
  /** Where uploaded materials are stored: outside the web root. Default `.data/uploads`. */
  UPLOAD_DIR: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment:\n${lines}\nSee README.md, section "Configuration".`);
    }
    cached = parsed.data;
  }
  return cached;
}
