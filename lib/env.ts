// Environment, validated; every other module reads configuration from here (and only through env()).
import { z } from "zod";

/** An unset variable and an empty one (`PUBLIC_BASE_URL=` in a compose file) mean the same. */
const emptyAsUnset = (v: unknown) => (v === "" ? undefined : v);

const WARNING_DAYS = "DUE_WARNING_DAYS must be a whole number of working days from 0 to 20";

const ZEnv = z.object({
  /** Required at run time; checked where the database is first used (lib/server/db.ts). */
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  /** Auth.js refuses to run without it; `npm run dev` generates one under .data/. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** Minutes a signed-in session lasts without being refreshed. */
  SESSION_MAX_AGE_MINUTES: z.coerce.number().int().positive().default(8 * 60),
  /** Where uploaded materials are stored: outside the web root. Default `.data/uploads`. */
  UPLOAD_DIR: z.string().min(1).optional(),
  /** Origin printed in QR codes, slips and receipts; unset: the request's host. */
  PUBLIC_BASE_URL: z.preprocess(emptyAsUnset, z.string().url({ message: "PUBLIC_BASE_URL must be a URL such as https://zwfw.example.gov.cn" }).optional()),
  /** "1": the portal runs behind a reverse proxy whose X-Forwarded-Host/-Proto are to be believed. Unset: they are ignored. */
  TRUST_PROXY: z.preprocess(emptyAsUnset, z.enum(["0", "1"], { message: "TRUST_PROXY must be 0 or 1" }).optional()),
  /** Working days before a due date at which a case turns yellow in the queues. */
  DUE_WARNING_DAYS: z.coerce.number({ message: WARNING_DAYS }).int(WARNING_DAYS).min(0, WARNING_DAYS).max(20, WARNING_DAYS).default(3),
  /** Where the seals' private keys are kept, encrypted with a key derived from AUTH_SECRET. Default `.data/seals`. */
  SEAL_KEY_DIR: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  /** Where the audit trail's signed anchors are written (outside the database). Default `.data/audit-anchors`. */
  AUDIT_ANCHOR_DIR: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  /** The default SMS provider's log: one JSON line per message (unset: the console only). */
  NOTIFY_LOG_FILE: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  /** The SMTP server e-mail notices go through, e.g. smtp://user:pass@mail.example.gov.cn:587 (`npm run dev` starts a local one). */
  SMTP_URL: z.preprocess(emptyAsUnset, z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional()),
  /** The sender of e-mail notices. */
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().min(3).default("广安区行政审批局 <noreply@zwfw.localhost>")),
  /** Working days a section has to follow up a bad rating (差评整改). */
  RATING_FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(30).default(5),
  /** Jobs the worker runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Production: the active seal's PKCS#12 (RSA key + X.509) for PDF signatures, and its passphrase. */
  SEAL_P12_PATH: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  SEAL_P12_PASSPHRASE: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Production: a file holding the active seal's SM2 private key (64 hex digits). */
  SEAL_SM2_KEY_PATH: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  /** 票款分离: the fiscal platform's bank-channel API the bureau registers notices with and reads status and the daily file from. */
  FISCAL_PLATFORM_URL: z.preprocess(emptyAsUnset, z.string().url({ message: "FISCAL_PLATFORM_URL must be a URL such as https://fiscal.example.gov.cn" }).optional()),
  /** Where payers are sent to pay a notice (the platform's payment page); unset: FISCAL_PLATFORM_URL. */
  FISCAL_PLATFORM_PUBLIC_URL: z.preprocess(emptyAsUnset, z.string().url({ message: "FISCAL_PLATFORM_PUBLIC_URL must be a URL" }).optional()),
  /** The key both sides sign with (the platform's callbacks, the bureau's requests). */
  FISCAL_PLATFORM_SECRET: z.preprocess(emptyAsUnset, z.string().min(16, "FISCAL_PLATFORM_SECRET must be at least 16 characters").optional()),
  /** "1": webhook subscriptions may point at loopback or private-network hosts in production (departments on the intranet). Outside production they always may. */
  WEBHOOK_ALLOW_PRIVATE_HOSTS: z.preprocess(emptyAsUnset, z.enum(["0", "1"], { message: "WEBHOOK_ALLOW_PRIVATE_HOSTS must be 0 or 1" }).optional()),
  /** Days the open API's call log (ApiCall) is kept; the Cybersecurity Law (art. 21) asks for at least six months. */
  API_CALL_RETENTION_DAYS: z.coerce.number({ message: "API_CALL_RETENTION_DAYS must be a whole number of days from 180 to 3650" }).int().min(180, "API_CALL_RETENTION_DAYS must be at least 180 (six months of network logs)").max(3650).default(365),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

const NAMES = Object.keys(ZEnv.shape) as (keyof typeof ZEnv.shape)[];

let cached: { raw: string; env: TEnv } | undefined;

/**
 * The validated environment; throws naming every bad variable. The server and the job scripts call
 * it once at start-up (instrumentation.ts, scripts/) so a bad value stops them before any request.
 *
 * The cache is keyed on the raw values of the variables above and parsed again when one of them
 * changed. A running server's environment never changes, so it parses once; but tests point each
 * file at its own database and upload folder by assigning process.env after the modules are
 * loaded, and must see the new values at once rather than those of the first call.
 */
export function env(): TEnv {
  const values = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  const raw = JSON.stringify(values);
  if (cached?.raw !== raw) {
    const parsed = ZEnv.safeParse(values);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment:\n${lines}\nSee README.md, section "Configuration".`);
    }
    cached = { raw, env: parsed.data };
  }
  return cached.env;
}
