// `npm run dev`: database (embedded unless DATABASE_URL is set) → migrations → seed → the web server
// and the job worker (as the portal's own database login on the embedded server) → demo logins.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env as validatedEnv } from "../lib/env";
import { seed } from "../prisma/seed";
import { readOrCreateSecret } from "./lib/auth-secret";
import { demoLoginsText } from "./lib/demo-logins";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { ROOT, migrateDeploy } from "./lib/prisma-cli";
import { asRuntimeLogin, ensureRuntimeLogin } from "./lib/runtime-role";
import { startWorker } from "./lib/worker-process";
import { startSmtpServer } from "./lib/mail-sink";
import { startFiscalPlatform } from "./lib/fiscal-platform";

const PORT = Number(process.env.PORT ?? 3000);

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main() {
  // A bad setting stops here, naming the variable, before the database or the server starts.
  validatedEnv();
  let databaseUrl = process.env.DATABASE_URL;
  let adminUrl: string | undefined;
  let stopDatabase: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    console.log("Starting the embedded PostgreSQL (data in .data/postgres)…");
    const server = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, ".data", "postgres"),
      preferredPort: 54320,
      persistent: true,
      log: (line) => console.error(`[postgres] ${line}`),
    });
    await ensureDatabase(server.adminUrl, "bureau");
    databaseUrl = server.databaseUrl("bureau");
    adminUrl = server.adminUrl;
    stopDatabase = server.stop;
  }
  const shutdown = async (code: number) => {
    await stopDatabase?.().catch(() => {});
    process.exit(code);
  };

  // The installation secret also protects the seal's keys, which the seed generates on a fresh install.
  const secret = (process.env.AUTH_SECRET ??= readOrCreateSecret(path.join(ROOT, ".data", "auth-secret")));
  let runtimeUrl = databaseUrl;
  try {
    console.log("Applying migrations…");
    migrateDeploy(databaseUrl);
    console.log("Seeding the bureau (existing data is kept)…");
    const created = await seed(databaseUrl);
    console.log("Created now:", created);
    // On the embedded server the portal runs as its own login, which cannot rewrite the audit
    // trail; with a DATABASE_URL of yours, that URL is used as given (README, "Database roles").
    if (adminUrl) {
      await ensureRuntimeLogin(adminUrl, secret);
      runtimeUrl = asRuntimeLogin(databaseUrl, secret);
    }
  } catch (e) {
    console.error(e);
    await shutdown(1);
  }

  // Without an SMTP_URL of yours, e-mail notices go to a local mail server that keeps each message
  // in .data/mail (the simulated mail partner).
  let smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    const mailDir = path.join(ROOT, ".data", "mail");
    fs.mkdirSync(mailDir, { recursive: true });
    const sink = await startSmtpServer({
      onMail: (m) => {
        const file = path.join(mailDir, `${new Date().toISOString().replace(/[:.]/g, "-")}.eml`);
        fs.writeFileSync(file, m.raw);
        console.log(`[mail] to ${m.to.join(", ")}: ${m.subject} (${path.relative(ROOT, file)})`);
      },
    });
    smtpUrl = sink.url;
  }
  // Without a FISCAL_PLATFORM_URL of yours, fees are paid at the simulated fiscal platform on loopback
  // (票款分离: it signs its callbacks to this portal and serves the daily reconciliation file).
  let fiscal: Record<string, string> = {};
  if (!process.env.FISCAL_PLATFORM_URL) {
    const fiscalSecret = readOrCreateSecret(path.join(ROOT, ".data", "fiscal-secret"));
    const platform = await startFiscalPlatform({
      secret: fiscalSecret,
      callbackUrl: `http://localhost:${PORT}/api/payments/callback`,
      dataFile: path.join(ROOT, ".data", "fiscal-platform.json"),
      log: (line) => console.log(`[fiscal] ${line}`),
    });
    fiscal = { FISCAL_PLATFORM_URL: platform.url, FISCAL_PLATFORM_SECRET: fiscalSecret };
    console.log(`Simulated fiscal platform: ${platform.url}/pay`);
  }
  const env = {
    ...process.env,
    ...fiscal,
    SMTP_URL: smtpUrl,
    DATABASE_URL: runtimeUrl,
    AUTH_SECRET: secret,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const next = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["dev", "-p", String(PORT)], { cwd: ROOT, env, stdio: "inherit" });
  const worker = startWorker(env, "inherit");
  // Print the logins once the first page has rendered, so they are the last thing on screen.
  void waitForHttp(`http://localhost:${PORT}/login`, 120_000).then((ready) => {
    console.log(demoLoginsText(`http://localhost:${PORT}`));
    console.log(`Database: ${databaseUrl}${ready ? "" : "\n(the portal did not answer yet; it may still be compiling)"}\n`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      next.kill(signal);
      worker.kill(signal);
    });
  }
  // The database stops once both children have.
  const exited = (child: typeof next) => new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
  void Promise.all([exited(next), exited(worker)]).then(([code]) => shutdown(code));
  next.on("exit", () => worker.kill("SIGTERM"));
}

void main();
