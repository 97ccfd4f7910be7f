// `npm run bench:issue`: issuing one certificate (number, identifier, PDF rendering with the seal,
// the PDF signature, the SM2 record signature, the certificate, the stamp record, the transition and
// its audit event, in one transaction) and verifying one, on a throw-away embedded PostgreSQL.
// Interleaved with a baseline in the same run: the plain SQL that reads the same certificate row.
// Prints p50/p95; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { issueCertificate } from "../lib/server/certificates/issue-certificate";
import { verifyCertificate } from "../lib/server/certificates/verify-certificate";
import { db } from "../lib/server/db";
import { ensureSealIdentity } from "../lib/server/seals/seal-keys";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/prisma-cli";
import { pct } from "./lib/stats";

const RUNS = Number(process.env.BENCH_ISSUE_RUNS ?? 120);
const WARMUP = 5;

const row = (name: string, xs: number[]) => `| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} |`;

async function main() {
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { adminUrl: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-bench-issue-${process.pid}`), preferredPort: 54396, persistent: false });
  const database = `bench_issue_${process.pid}`;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.SEAL_KEY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bench-seal-"));
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bench-uploads-"));
  try {
    await ensureDatabase(server.adminUrl, database);
    process.env.DATABASE_URL = withDatabase(server.adminUrl, database);
    migrateDeploy(process.env.DATABASE_URL);
    const prisma = db();
    const seal = await prisma.seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
    await ensureSealIdentity(prisma, seal);
    const clerk = await prisma.user.create({ data: { loginId: "BENCHCLERK", name: "王窗口", role: "CLERK", passwordHash: "x" } });
    const applicant = await prisma.user.create({ data: { loginId: "91511602MA0000001P", name: "广安示范商贸有限公司", role: "APPLICANT", passwordHash: "x", applicantType: "ENTERPRISE", creditCode: "91511602MA0000001P" } });
    const dept = await prisma.department.create({ data: { code: "BD", name: "区市场监督管理局" } });
    const item = await prisma.item.create({ data: { implementationCode: "BENCH-1", basicCode: "511A0005200006", taskType: 1, departmentId: dept.id, certificatePrefix: "广安审批食经" } });
    const version = await prisma.itemVersion.create({
      data: { itemId: item.id, version: 1, name: "食品(含保健食品)经营许可补办", kind: "INSTANT", legalBasis: "《食品安全法》", processSteps: ["受理", "决定"], statutoryDays: 20, promisedDays: 0, feeNote: "不收费", visitsRequired: 0 },
    });
    // Approved applications, made set-based: everything issuing reads.
    const n = RUNS + WARMUP;
    await prisma.$executeRaw`
      INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone", "submittedAt", "acceptedAt", "decidedAt", "updatedAt")
      SELECT 'b' || g, '511602-20261130-' || lpad(g::text, 5, '0'), 'k' || g, ${applicant.id}, ${applicant.id}, 'ONLINE', ${item.id}, ${version.id}, 'AWAITING_SEAL', '许可证遗失补办', '李经理', '13800000002', now(), now(), now(), now()
      FROM generate_series(1, ${n}) g`;
    const issue: number[] = [];
    const identifiers: string[] = [];
    for (let i = 1; i <= n; i++) {
      const t = performance.now();
      const c = await issueCertificate({ actor: { id: clerk.id, role: "CLERK", name: clerk.name, sectionId: null }, input: { applicationId: `b${i}` } });
      if (i > WARMUP) issue.push(performance.now() - t);
      identifiers.push(c.identifier);
    }
    // Verification against its baseline, interleaved: the same row by the plain SQL.
    const verify: number[] = [];
    const baseline: number[] = [];
    for (let r = 0; r < 3; r++) {
      for (const identifier of identifiers.slice(WARMUP)) {
        let t = performance.now();
        await prisma.$queryRaw`SELECT c.*, s."sm2PublicKey" FROM "Certificate" c JOIN "Seal" s ON s.id = c."sealId" WHERE c.identifier = ${identifier}`;
        baseline.push(performance.now() - t);
        t = performance.now();
        await verifyCertificate({ identifier }, `bench-${r}`);
        verify.push(performance.now() - t);
      }
    }
    console.log(`\nbench:issue — ${RUNS} certificates issued one after another (after ${WARMUP} warm-up), each verified 3 times; ms\n`);
    console.log("| measure | runs | p50 ms | p95 ms |\n| --- | --- | --- | --- |");
    console.log(row("issue one certificate (render + PDF signature + SM2 + stamp, one transaction)", issue));
    console.log(row("verify one certificate by identifier (service, incl. SM2 verification)", verify));
    console.log(row("baseline: the same certificate row by plain SQL", baseline));
    console.log(`\nverify / baseline, p50: ${(pct(verify, 50) / pct(baseline, 50)).toFixed(1)}×`);
    await prisma.$disconnect();
  } finally {
    await dropDatabase(server.adminUrl, database).catch(() => {});
    await server.stop();
  }
}

void main();
