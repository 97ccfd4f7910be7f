// `npm run db:seed`: seeds the bureau into DATABASE_URL (idempotent), then prints the demo logins.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../lib/env";
import { PrismaClient } from "./generated/client";
import { seedBundles } from "./seed/seed-bundles";
import { seedBureau } from "./seed/seed-bureau";

export const ITEMS_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), "data", "guang-an-qu-511602-items.csv");

export async function seed(databaseUrl: string, opts: { production?: boolean; adminPassword?: string } = {}) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const summary = await seedBureau(prisma, fs.readFileSync(ITEMS_CSV, "utf8"), opts);
    // 一件事: the demo bundle (demo installations only).
    const bundles = opts.production ? 0 : await seedBundles(prisma);
    return { ...summary, bundles };
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  env(); // a bad setting stops the job here, naming the variable
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set.");
    process.exit(1);
  }
  // In production no account gets the published demo password: the administrator gets a random one,
  // shown here once (or SEED_ADMIN_PASSWORD when the operator sets it).
  const production = env().NODE_ENV === "production";
  const adminPassword = production ? (process.env.SEED_ADMIN_PASSWORD || randomBytes(12).toString("base64url")) : undefined;
  const summary = await seed(url, { production, adminPassword });
  console.log("seeded (created now):", summary);
  if (production && summary.users > 0) console.log(`administrator: ADMIN / ${adminPassword} (shown once; change it after signing in)`);
}
