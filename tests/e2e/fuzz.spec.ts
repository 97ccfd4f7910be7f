// Every GET route of the app, found by walking app/, asked with hostile values in its dynamic
// segments and its query string — anonymously and as staff with the widest view — must answer
// below 500. (Malformed requests are refused by the proxy; the rest is each page's own parsing.)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { login } from "./fixtures";

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app");

/** Route patterns like /items/[code]/slip, from every page.tsx and route.ts under app/. */
function routes(): string[] {
  const found: string[] = [];
  const walk = (dir: string, at: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups and private folders do not appear in URLs.
        if (entry.name.startsWith("_")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? at : `${at}/${entry.name}`);
      } else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        // Only routes that answer GET.
        if (entry.name === "route.ts" && !/export (async )?function GET|export const GET|GET\b.*=/.test(fs.readFileSync(path.join(dir, entry.name), "utf8"))) continue;
        found.push(at || "/");
      }
    }
  };
  walk(APP, "");
  return found.filter((r) => !r.startsWith("/api/auth"));
}

const SEGMENTS = ["x", "%27%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "a".repeat(400), "1.2.156.3005.2.ZZ.915116020000000000.A.001.0", "%F0%9F%98%80"];
const QUERIES = ["", "?q=%27%3B--&after=2026-13-45~x&state=NOPE&mark=x&channel=x&order=x", `?number=${"9".repeat(300)}&from=2025-02-29&to=x&itemId=${"x".repeat(80)}&sealId=%25`, "?after=" + "~".repeat(50)];

function urls(): string[] {
  const out = new Set<string>();
  for (const route of routes()) {
    const dynamic = /\[[^\]]+\]/.test(route);
    for (const value of dynamic ? SEGMENTS : [""]) {
      const url = route.replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, value);
      for (const q of QUERIES) out.add(`${url}${q}`);
    }
  }
  return [...out];
}

async function sweep(request: APIRequestContext) {
  const failures: string[] = [];
  for (const url of urls()) {
    const res = await request.get(url, { maxRedirects: 0, timeout: 60_000 });
    if (res.status() >= 500) failures.push(`${res.status()} ${url}`);
  }
  return failures;
}

test.describe.configure({ timeout: 900_000 });

test("no GET route answers 5xx to hostile segments or queries, anonymously", async ({ request }) => {
  expect(routes().length).toBeGreaterThan(30);
  expect(await sweep(request)).toEqual([]);
});

test("no GET route answers 5xx to hostile segments or queries, as the director", async ({ page }) => {
  await login(page, "DIRECTOR");
  expect(await sweep(page.request)).toEqual([]);
});
