// `npm run audit:verify [-- --anchor]`: recomputes the audit trail's hash chain in DATABASE_URL and checks
// it against the signed anchors written outside the database; `--anchor` writes a new one.
// Exit 0 when intact; exit 1 naming the first broken row.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../lib/env";
import { writeAuditAnchor } from "../lib/server/audit/audit-anchors";
import { verifyAuditTrail } from "../lib/server/audit/verify-audit-chain";
import { PrismaClient } from "../prisma/generated/client";

env(); // a bad setting stops the job here, naming the variable
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run dev prints the embedded database's URL).");
  process.exit(2);
}
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const started = performance.now();
try {
  const verdict = await verifyAuditTrail(prisma);
  const ms = Math.round(performance.now() - started);
  if (verdict.ok) {
    console.log(`audit chain intact: ${verdict.count} events verified in ${ms} ms, ${verdict.anchors ?? 0} anchors match; head ${verdict.lastHash ?? "(empty)"}`);
    // `--anchor`: sign the verified head with the seal's key and append it outside the database.
    if (process.argv.includes("--anchor")) {
      const anchor = await writeAuditAnchor(prisma);
      if (anchor) console.log(`anchored event ${anchor.id} (${anchor.hash}) under seal key ${anchor.sealKeyId}`);
    }
  } else {
    console.error(`audit chain BROKEN at event id ${verdict.brokenAt} (${verdict.problem}); ${verdict.count - 1} events before it verify.`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
}
