// The Prisma client (driver adapter on node-postgres), created on first use from DATABASE_URL.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/prisma/generated/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaUrl?: string };

function createClient(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** One client per process (and per URL, so each test file can point at its own database). */
export function db(): PrismaClient {
  // Read on every call: env() notices a changed DATABASE_URL, so each test file can point the
  // process at its own database.
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; start the portal with `npm run dev` (see README.md).");
  if (!globalForPrisma.prisma || globalForPrisma.prismaUrl !== url) {
    void globalForPrisma.prisma?.$disconnect();
    globalForPrisma.prisma = createClient(url);
    globalForPrisma.prismaUrl = url;
  }
  return globalForPrisma.prisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
