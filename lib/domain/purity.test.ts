// House rule: lib/domain is pure — no Prisma, Next, next-auth or server modules.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FORBIDDEN = /from\s+["'](@prisma\/|next(\/|["'])|next-auth|next-intl|server-only|@\/lib\/server|react)/;

describe("lib/domain", () => {
  it("imports no framework or server code", () => {
    const dir = path.resolve(__dirname);
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.filter((f) => FORBIDDEN.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
