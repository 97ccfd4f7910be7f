// The open API (/api/v1) on real PostgreSQL. The OpenAPI document validates (a kept 3.1 validator);
// a walk of the document calls every documented route's handler in-process with valid inputs and
// checks status and body against the documented response schema (and its problems against theirs);
// keys: shown once, stored hashed, scoped, revocable (a revoked key is refused), per-department;
// rate limits answer 429 with Retry-After; hostile input never answers 500; every call is recorded.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { hashApiKey } from "@/lib/domain/api/keys";
import { KEY_RATE_RANGE, PER_CLIENT } from "@/lib/domain/api/rate-limit";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { createApplicantApiToken, createDepartmentApiKey, MAX_ACTIVE_APPLICANT_TOKENS } from "@/lib/server/api/create-api-key";
import { listDepartmentApiKeys, listMyApiTokens } from "@/lib/server/api/list-api-keys";
import { openApiDocument } from "@/lib/server/api/openapi";
import { revokeApiKey } from "@/lib/server/api/revoke-api-key";
import { startApplication, submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { uploadMaterial } from "@/lib/server/applications/materials";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { issueCertificate } from "@/lib/server/certificates/issue-certificate";
import { db } from "@/lib/server/db";
import { purgeApiCalls } from "@/lib/server/api/purge-api-calls";
import { ensureSealIdentity } from "@/lib/server/seals/seal-keys";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-api-v1-"));

const APP = path.resolve(__dirname, "../../app");
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let item: Awaited<ReturnType<typeof createItem>>, otherItem: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, stranger: Actor, admin: Actor;
let issued: { number: string; identifier: string }, otherNumber: string;
let deptKey: string, deptKeyId: string, narrowKey: string, otherDeptKey: string, applicantToken: string, strangerToken: string;

const pdf = (tag: string) => {
  const bytes = Buffer.from(`%PDF-1.4\n${tag}\n%%EOF\n`);
  return { name: "m.pdf", size: bytes.length, stream: Readable.from([bytes]) };
};

/** One application filed by the applicant and submitted (it has its number). */
async function submitted(it: typeof item, who: Actor) {
  const { id } = await startApplication({ actor: who, input: { itemCode: it.item.implementationCode, submissionKey: crypto.randomUUID(), subject: "开放接口测试", contactName: "张三", contactPhone: "13800001234" } });
  for (const m of [it.materials.core1, it.materials.core2, it.materials.supplementary]) await uploadMaterial({ actor: who, applicationId: id, materialId: m.id, file: pdf(`${m.id}${id}`) });
  await submitApplication({ actor: who, applicationId: id, declared: true });
  return id;
}

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db(), { promisedDays: 0, statutoryDays: 20, kind: "INSTANT" });
  otherItem = await createItem(db());
  const seal = await db().seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
  await ensureSealIdentity(db(), seal);
  applicant = actorOf(await createUser(db(), { role: "APPLICANT", name: "接口测试申请人" }));
  stranger = actorOf(await createUser(db(), { role: "APPLICANT", name: "另一申请人" }));
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
  const clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  const director = actorOf(await createUser(db(), { role: "DIRECTOR" }));

  const id = await submitted(item, applicant);
  await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: [item.materials.core1.id, item.materials.core2.id, item.materials.supplementary.id] } });
  await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
  const cert = await issueCertificate({ actor: clerk, input: { applicationId: id } });
  issued = { number: (await db().application.findUniqueOrThrow({ where: { id } })).number!, identifier: cert.identifier };
  otherNumber = (await db().application.findUniqueOrThrow({ where: { id: await submitted(otherItem, stranger) } })).number!;
  await db().departmentEvent.create({ data: { type: "decision.approved", departmentId: item.item.departmentId, applicationId: id, payload: { application: { number: issued.number } } } });

  const all = ["applications:read", "decisions:read", "events:read"] as const;
  ({ key: deptKey, id: deptKeyId } = await createDepartmentApiKey({ actor: admin, input: { name: "部门监管系统", departmentId: item.item.departmentId, scopes: [...all] } }));
  ({ key: narrowKey } = await createDepartmentApiKey({ actor: admin, input: { name: "只读办件", departmentId: item.item.departmentId, scopes: ["applications:read"] } }));
  ({ key: otherDeptKey } = await createDepartmentApiKey({ actor: admin, input: { name: "另一部门", departmentId: otherItem.item.departmentId, scopes: [...all] } }));
  ({ key: applicantToken } = await createApplicantApiToken({ actor: applicant, input: { name: "我的工具" } }));
  ({ key: strangerToken } = await createApplicantApiToken({ actor: stranger, input: { name: "他的工具" } }));
});

/** The route module of a documented path: /api/v1/items/{code} → app/api/v1/items/[code]/route.ts. */
async function handlerOf(template: string): Promise<Handler> {
  const file = path.join(APP, ...template.split("/").filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
  return ((await import(file)) as { GET: Handler }).GET;
}

let clientSeq = 0;
/** Calls a route handler in-process, as Next would: a Request and its decoded params. */
async function call(template: string, opts: { params?: Record<string, string>; query?: string; key?: string; headers?: Record<string, string>; client?: string } = {}) {
  const params = opts.params ?? {};
  const pathname = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
  const headers: Record<string, string> = { "x-forwarded-for": opts.client ?? `192.0.2.${(clientSeq++ % 200) + 1}`, ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), ...(opts.headers ?? {}) };
  const response = await (await handlerOf(template))(new Request(`http://portal.test${pathname}${opts.query ?? ""}`, { headers }), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const document = () => openApiDocument() as unknown as { paths: Record<string, Record<string, { security: Record<string, string[]>[]; responses: Record<string, { content: Record<string, unknown> }> }>> };

/** The documented response schema of a path, method, status and media type, compiled from the document itself. */
function validatorOf(template: string, status: number) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const doc = JSON.parse(JSON.stringify(openApiDocument())) as Record<string, unknown>;
  ajv.addSchema({ $id: "doc", ...doc, $schema: undefined } as never, "doc");
  const response = document().paths[template].get.responses[String(status)];
  expect(response, `${template} documents ${status}`).toBeDefined();
  const media = Object.keys(response.content)[0];
  const pointer = ["paths", template, "get", "responses", String(status), "content", media, "schema"].map((s) => s.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
  return ajv.compile({ $ref: `doc#/${pointer}` });
}

function expectDocumented(template: string, res: { status: number; body: unknown; headers: Headers }, status: number) {
  expect(res.status, `${template} → ${JSON.stringify(res.body).slice(0, 300)}`).toBe(status);
  const validate = validatorOf(template, status);
  const ok = validate(res.body);
  expect(ok, `${template} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  expect(res.headers.get("content-type")).toMatch(status === 200 ? /^application\/json/ : /^application\/problem\+json/);
}

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(openApiDocument())));
    expect(result).toEqual({ valid: true });
    expect(validator.version).toBe("3.1");
  });

  it("documents exactly the routes under app/api/v1 (but the catch-all)", () => {
    const found: string[] = [];
    const walk = (dir: string, at: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && !e.name.startsWith("[...")) walk(path.join(dir, e.name), `${at}/${e.name.replace(/^\[(.+)\]$/, "{$1}")}`);
        else if (e.name === "route.ts") found.push(at);
      }
    };
    walk(path.join(APP, "api/v1"), "/api/v1");
    expect(found.sort()).toEqual(Object.keys(document().paths).sort());
  });

  it("is served at /api/v1/openapi.json", async () => {
    const res = await call("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

describe("a walk of the document", () => {
  /** Valid inputs for every documented route, with the key each needs. */
  const valid = (): Record<string, Parameters<typeof call>[1]> => ({
    "/api/v1/items": { query: "?q=%E6%B5%8B%E8%AF%95%E8%AE%B8%E5%8F%AF&page=1" },
    "/api/v1/items/{code}": { params: { code: item.item.implementationCode } },
    "/api/v1/certificates/{id}/verification": { params: { id: issued.identifier } },
    "/api/v1/applications/{number}": { params: { number: issued.number }, key: deptKey },
    "/api/v1/decisions": { query: "?limit=10", key: deptKey },
    "/api/v1/events": { query: "?after=0&limit=10", key: deptKey },
    "/api/v1/openapi.json": {},
  });

  it("every documented route answers 200 as documented with valid inputs", async () => {
    const inputs = valid();
    for (const template of Object.keys(document().paths)) {
      expect(inputs[template], `a valid input for ${template}`).toBeDefined();
      expectDocumented(template, await call(template, inputs[template]), 200);
    }
  });

  it("every documented problem answers as documented: 400 and 401 everywhere, 403 and 404 where listed (429: below)", async () => {
    const inputs = valid();
    for (const [template, methods] of Object.entries(document().paths)) {
      const documented = Object.keys(methods.get.responses).map(Number);
      // A parameter given twice is malformed anywhere.
      expectDocumented(template, await call(template, { ...inputs[template], query: `${inputs[template]!.query ?? "?"}&x=1&x=2` }), 400);
      // A key that is not one.
      expectDocumented(template, await call(template, { ...inputs[template], key: `gak_abcdefgh_${"A".repeat(43)}` }), 401);
      if (documented.includes(403)) expectDocumented(template, await call(template, { ...inputs[template], key: template.includes("applications") ? otherDeptKey : applicantToken }), 403);
      if (documented.includes(404)) {
        const missing = Object.fromEntries(Object.keys(inputs[template]!.params ?? {}).map((k) => [k, k === "number" ? "511602-20260101-99999" : k === "id" ? "1.2.156.3005.2.NOPE" : "NO-SUCH-ITEM"]));
        expectDocumented(template, await call(template, { ...inputs[template], params: missing }), 404);
      }
    }
  });

  it("the decisions of the department come oldest first with their certificate, and the cursor pages on", async () => {
    const first = await call("/api/v1/decisions", { key: deptKey, query: "?limit=1" });
    expect(first.body).toMatchObject({ decisions: [{ number: issued.number, outcome: "APPROVED", certificate: { identifier: issued.identifier, status: "VALID" }, applicant: { idType: "RESIDENT_ID" } }], more: false });
    const masked = (first.body!.decisions as { applicant: { id: string } }[])[0].applicant.id;
    expect(masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const again = await call("/api/v1/decisions", { key: deptKey, query: `?after=${encodeURIComponent(String(first.body!.next))}` });
    expect(again.body).toMatchObject({ decisions: [], next: first.body!.next, more: false });
    // The other department sees none of them.
    expect((await call("/api/v1/decisions", { key: otherDeptKey })).body).toMatchObject({ decisions: [], next: null });
  });

  it("the events are the department's, after a sequence", async () => {
    const res = await call("/api/v1/events", { key: deptKey });
    // Ours, and whatever the case's own moves recorded for the department.
    expect(res.body!.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: "decision.approved", data: { application: { number: issued.number } } })]));
    const { code } = await db().department.findUniqueOrThrow({ where: { id: item.item.departmentId } });
    expect((res.body!.events as { department: { code: string } }[]).every((e) => e.department.code === code)).toBe(true);
    const next = String(res.body!.next);
    expect((await call("/api/v1/events", { key: deptKey, query: `?after=${next}` })).body).toMatchObject({ events: [], next });
    expect((await call("/api/v1/events", { key: otherDeptKey })).body).toMatchObject({ events: [] });
  });
});

describe("keys", () => {
  it("are shown once and stored as a SHA-256 only; creation is audited without the key", async () => {
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: deptKeyId } });
    expect(row.secretHash).toBe(hashApiKey(deptKey));
    expect(JSON.stringify(row)).not.toContain(deptKey.slice(13));
    const created = await db().auditEvent.findFirstOrThrow({ where: { action: "apiKey.created", entityId: deptKeyId } });
    expect(JSON.stringify(created, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(deptKey.slice(13));
    const listed = await listDepartmentApiKeys({ actor: admin });
    expect(listed.keys.map((k) => k.prefix)).toContain(row.prefix);
    expect(listed.applicantTokens).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(listed)).not.toContain("secretHash");
  });

  it("hold only the scopes their owner may hold, and only the administrator issues department keys", async () => {
    await expect(createDepartmentApiKey({ actor: admin, input: { name: "无权限", departmentId: item.item.departmentId, scopes: [] } })).rejects.toThrow();
    await expect(createDepartmentApiKey({ actor: applicant, input: { name: "越权", departmentId: item.item.departmentId, scopes: ["events:read"] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApplicantApiToken({ actor: admin, input: { name: "管理员" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const token = await db().apiKey.findFirstOrThrow({ where: { userId: applicant.id } });
    expect(token.scopes).toEqual(["applications:read"]);
  });

  it("a key without the scope is refused 403; an applicant's token cannot read decisions or events", async () => {
    expect((await call("/api/v1/events", { key: narrowKey })).status).toBe(403);
    expect((await call("/api/v1/decisions", { key: narrowKey })).status).toBe(403);
    expect((await call("/api/v1/events", { key: applicantToken })).body).toMatchObject({ status: 403, code: "FORBIDDEN", detail: "scope" });
  });

  it("a department's key reads its own items' applications, not another department's (403)", async () => {
    const own = await call("/api/v1/applications/{number}", { params: { number: issued.number }, key: deptKey });
    expect(own.body).toMatchObject({ number: issued.number, state: "ISSUED", decision: { outcome: "APPROVED" }, certificate: { identifier: issued.identifier } });
    const residentId = (await db().user.findUniqueOrThrow({ where: { id: applicant.id } })).residentId!;
    expect(JSON.stringify(own.body)).not.toContain(residentId);
    expect(own.body).toMatchObject({ applicant: { id: `${residentId.slice(0, 4)}${"*".repeat(10)}${residentId.slice(-4)}` } });
    const other = await call("/api/v1/applications/{number}", { params: { number: otherNumber }, key: deptKey });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ type: "/developers#problem-FORBIDDEN", code: "FORBIDDEN" });
  });

  it("an applicant's token reads the applicant's own applications; another's are not found", async () => {
    expect((await call("/api/v1/applications/{number}", { params: { number: issued.number }, key: applicantToken })).body).toMatchObject({ number: issued.number, state: "ISSUED" });
    expect((await call("/api/v1/applications/{number}", { params: { number: otherNumber }, key: applicantToken })).status).toBe(404);
    expect((await call("/api/v1/applications/{number}", { params: { number: otherNumber }, key: strangerToken })).status).toBe(200);
    // The probe is audited, as on the portal's own pages.
    const denied = await db().auditEvent.findMany({ where: { action: "access.denied", actorId: applicant.id, entityType: "Application" } });
    expect(denied.length).toBeGreaterThan(0);
  });

  it("a revoked key is refused (401, revoked) at once, on every route, and the refused call is recorded on the key", async () => {
    const { key, id } = await createDepartmentApiKey({ actor: admin, input: { name: "即将吊销", departmentId: item.item.departmentId, scopes: ["applications:read"] } });
    expect((await call("/api/v1/applications/{number}", { params: { number: issued.number }, key })).status).toBe(200);
    await revokeApiKey({ actor: admin, input: { keyId: id } });
    await expect(revokeApiKey({ actor: admin, input: { keyId: id } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    const refused = await call("/api/v1/applications/{number}", { params: { number: issued.number }, key });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: "UNAUTHENTICATED", detail: "revoked" });
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await call("/api/v1/items", { key })).status).toBe(401);
    const calls = await db().apiCall.findMany({ where: { keyId: id }, orderBy: { id: "asc" } });
    expect(calls.map((c) => c.status)).toEqual([200, 401, 401]);
    expect(calls[1]).toMatchObject({ route: "/api/v1/applications/{number}", method: "GET" });
    expect(await db().auditEvent.count({ where: { action: "apiKey.revoked", entityId: id } })).toBe(1);
  });

  it("an applicant revokes their own token and no one else's", async () => {
    const mine = await createApplicantApiToken({ actor: stranger, input: { name: "临时" } });
    await expect(revokeApiKey({ actor: applicant, input: { keyId: mine.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiKey({ actor: stranger, input: { keyId: mine.id } });
    expect((await listMyApiTokens({ actor: stranger })).find((k) => k.id === mine.id)?.revokedAt).toBeInstanceOf(Date);
    expect((await call("/api/v1/applications/{number}", { params: { number: otherNumber }, key: mine.key })).status).toBe(401);
  });

  it("an applicant keeps at most five active tokens, and a disabled account's tokens stop working", async () => {
    const someone = actorOf(await createUser(db(), { role: "APPLICANT" }));
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_APPLICANT_TOKENS; i++) made.push(await createApplicantApiToken({ actor: someone, input: { name: `工具${i}` } }));
    await expect(createApplicantApiToken({ actor: someone, input: { name: "第六个" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await revokeApiKey({ actor: someone, input: { keyId: made[0].id } });
    await createApplicantApiToken({ actor: someone, input: { name: "补一个" } });
    expect((await call("/api/v1/applications/{number}", { params: { number: otherNumber }, key: made[1].key })).status).toBe(404);
    await db().user.update({ where: { id: someone.id }, data: { active: false } });
    expect((await call("/api/v1/applications/{number}", { params: { number: otherNumber }, key: made[1].key })).body).toMatchObject({ status: 401, detail: "revoked" });
  });

  it("a missing key where one is needed is 401 (missing)", async () => {
    const res = await call("/api/v1/decisions");
    expect(res.body).toMatchObject({ status: 401, detail: "missing" });
    expect((await call("/api/v1/decisions", { headers: { authorization: "Basic eDp5" } })).body).toMatchObject({ status: 401, detail: "invalid" });
  });
});

describe("limits and hostile input", () => {
  it("too many calls from one address without a key: 429 with Retry-After, counted in PostgreSQL", async () => {
    let limited: Awaited<ReturnType<typeof call>> | null = null;
    let n = 0;
    // Up to two windows' worth, should a minute turn over midway.
    while (!limited && n < 2 * PER_CLIENT.max + 2) {
      n++;
      const res = await call("/api/v1/openapi.json", { client: "198.51.100.7" });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).not.toBeNull();
    expect(n).toBeGreaterThan(PER_CLIENT.max);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expectDocumented("/api/v1/openapi.json", limited!, 429);
    // Another address is not held up.
    expect((await call("/api/v1/openapi.json", { client: "198.51.100.8" })).status).toBe(200);
    const counter = await db().apiRateWindow.findMany({ where: { key: "c:198.51.100.7" } });
    expect(counter).toHaveLength(1);
    expect(counter[0].count).toBeGreaterThan(PER_CLIENT.max);
  });

  it("a key's own budget: its calls counted per key, whatever the address", async () => {
    const { key, id } = await createDepartmentApiKey({ actor: admin, input: { name: "限速", departmentId: item.item.departmentId, scopes: ["events:read"] } });
    await call("/api/v1/events", { key, client: "203.0.113.1" });
    await call("/api/v1/events", { key, client: "203.0.113.2" });
    const [w] = await db().apiRateWindow.findMany({ where: { key: `k:${id}` } });
    expect(w.count).toBe(2);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("a key with its own limit set by the administrator: 429 after that many calls, while a default key goes on", async () => {
    await expect(createDepartmentApiKey({ actor: admin, input: { name: "过低", departmentId: item.item.departmentId, scopes: ["events:read"], ratePerMinute: KEY_RATE_RANGE.min - 1 } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createDepartmentApiKey({ actor: admin, input: { name: "过高", departmentId: item.item.departmentId, scopes: ["events:read"], ratePerMinute: KEY_RATE_RANGE.max + 1 } })).rejects.toMatchObject({ name: "ZodError" });
    const { key, id } = await createDepartmentApiKey({ actor: admin, input: { name: "自定限速", departmentId: item.item.departmentId, scopes: ["events:read"], ratePerMinute: KEY_RATE_RANGE.min } });
    expect((await listDepartmentApiKeys({ actor: admin })).keys.find((k) => k.id === id)?.ratePerMinute).toBe(KEY_RATE_RANGE.min);
    let limited: Awaited<ReturnType<typeof call>> | null = null;
    let n = 0;
    // Up to two windows' worth, should a minute turn over midway.
    while (!limited && n < 2 * KEY_RATE_RANGE.min + 2) {
      n++;
      const res = await call("/api/v1/events", { key, client: "203.0.113.3" });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).not.toBeNull();
    expect(n).toBeGreaterThan(KEY_RATE_RANGE.min);
    expect(n).toBeLessThanOrEqual(2 * KEY_RATE_RANGE.min + 1);
    expectDocumented("/api/v1/events", limited!, 429);
    // The department's other key (the default 120) is not held up by it.
    expect((await call("/api/v1/events", { key: deptKey, client: "203.0.113.3" })).status).toBe(200);
  });

  it("no input answers 500: NUL bytes, bad encodings, repeated parameters, bad dates and cursors, huge and odd values", async () => {
    const before = await db().apiCall.count();
    const hostile: [string, Parameters<typeof call>[1]][] = [
      ["/api/v1/items", { query: "?q=%00" }],
      ["/api/v1/items", { query: "?q=%E0%A4%A" }],
      ["/api/v1/items", { query: "?page=0" }],
      ["/api/v1/items", { query: "?page=abc&kind=NOPE&online=maybe" }],
      ["/api/v1/items", { query: `?q=${"%27%3B--".repeat(100)}` }],
      ["/api/v1/items", { query: "?q=%F0%9F%98%80&department=%25&section=_" }],
      ["/api/v1/items/{code}", { params: { code: "a".repeat(400) } }],
      ["/api/v1/items/{code}", { params: { code: "\u0000" } }],
      ["/api/v1/items/{code}", { params: { code: "../../etc/passwd" } }],
      ["/api/v1/certificates/{id}/verification", { params: { id: "'; DROP TABLE \"Certificate\";--" } }],
      ["/api/v1/certificates/{id}/verification", { params: { id: "😀" } }],
      ["/api/v1/applications/{number}", { params: { number: "x" }, key: deptKey }],
      ["/api/v1/applications/{number}", { params: { number: "9".repeat(300) }, key: applicantToken }],
      ["/api/v1/decisions", { query: "?after=2026-13-45~x", key: deptKey }],
      ["/api/v1/decisions", { query: `?after=${"~".repeat(50)}&limit=-1`, key: deptKey }],
      ["/api/v1/decisions", { query: "?after=2026-02-30T00:00:00Z~abc&limit=1e9", key: deptKey }],
      ["/api/v1/events", { query: "?after=99999999999999999999", key: deptKey }],
      ["/api/v1/events", { query: "?after=9223372036854775808", key: deptKey }],
      ["/api/v1/events", { query: "?after=-1&limit=0", key: deptKey }],
      ["/api/v1/events", { query: "?after=1.5", key: deptKey }],
      ["/api/v1/events", { key: `${deptKey}\u0000` }],
      ["/api/v1/events", { headers: { authorization: `Bearer ${"x".repeat(5000)}` } }],
    ];
    for (const [template, opts] of hostile) {
      let res: Awaited<ReturnType<typeof call>>;
      try {
        res = await call(template, opts);
      } catch (e) {
        // A header the platform itself refuses (a NUL byte in a header) never reaches the portal.
        expect(String(e)).toMatch(/header|invalid/i);
        continue;
      }
      expect(res.status, `${template} ${JSON.stringify(opts).slice(0, 120)}`).toBeLessThan(500);
      expect(res.status).toBeGreaterThanOrEqual(200);
      if (res.status >= 400) expect(res.body).toMatchObject({ status: res.status, code: expect.any(String) });
    }
    expect((await call("/api/v1/decisions", { query: "?after=2026-13-45~x", key: deptKey })).body).toMatchObject({ status: 400, code: "VALIDATION" });
    expect((await call("/api/v1/events", { query: "?after=abc", key: deptKey })).body).toMatchObject({ status: 400, errors: [{ in: "query", name: "after" }] });
    // Every call, refused or not, left its row.
    expect(await db().apiCall.count()).toBeGreaterThanOrEqual(before + hostile.length);
  });

  it("an unknown path under /api/v1 is a problem+json 404, recorded", async () => {
    const { GET } = (await import(path.join(APP, "api/v1/[...rest]/route.ts"))) as { GET: Handler };
    const res = await GET(new Request("http://portal.test/api/v1/nope"), { params: Promise.resolve({ rest: "nope" }) } as never);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await db().apiCall.count({ where: { path: "/api/v1/nope", status: 404 } })).toBe(1);
  });

  it("a method a route does not serve is a problem+json 405 naming the ones it does, recorded (every documented route)", async () => {
    for (const template of Object.keys(document().paths)) {
      const file = path.join(APP, ...template.split("/").filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
      const mod = (await import(file)) as Record<string, Handler | undefined>;
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const handle = mod[method];
        expect(handle, `${template} ${method}`).toBeDefined();
        const res = await handle!(new Request(`http://portal.test${template}`, { method, headers: { "accept-language": "en" } }), { params: Promise.resolve({}) });
        expect(res.status, `${template} ${method}`).toBe(405);
        expect(res.headers.get("allow")).toBe("GET, HEAD");
        expect(await res.json()).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED", title: "This method is not allowed on this path", detail: method });
      }
      expect(await db().apiCall.count({ where: { route: template, status: 405 } }), template).toBe(4);
    }
  });

  it("a malformed request is refused by the proxy as problem+json, and recorded", async () => {
    const { NextRequest } = await import("next/server");
    const { refuseMalformedApiCall } = await import("@/lib/server/api/handler");
    const res = refuseMalformedApiCall(new NextRequest("http://portal.test/api/v1/items?q=%E0%A4%A"), "MALFORMED_ENCODING");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, code: "VALIDATION", detail: "MALFORMED_ENCODING" });
    await expect.poll(() => db().apiCall.count({ where: { route: "(malformed)", path: "/api/v1/items", status: 400 } })).toBe(1);
  });

  it("calls without a key from an address that tells no one apart are not held to one shared budget", async () => {
    for (let i = 0; i < PER_CLIENT.max + 5; i++) expect((await call("/api/v1/openapi.json", { client: "127.0.0.1" })).status).toBe(200);
    expect(await db().apiRateWindow.count({ where: { key: { startsWith: "c:127." } } })).toBe(0);
  });

  it("problem titles follow Accept-Language (Chinese by default)", async () => {
    const zh = await call("/api/v1/decisions");
    const en = await call("/api/v1/decisions", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(zh.body!.title).toMatch(/[\u4e00-\u9fff]/);
    expect(en.body!.title).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.headers.get("content-language")).toBe("en");
  });

  it("the call log is kept its retention (at least six months), then deleted by the nightly job", async () => {
    const day = 24 * 3600_000;
    const now = new Date();
    await db().apiCall.createMany({
      data: [400, 366, 364, 10].map((days) => ({ at: new Date(now.getTime() - days * day), method: "GET", route: "/retention-test", path: `/retention-test/${days}`, status: 200, client: "198.51.100.1" })),
    });
    expect(await purgeApiCalls(now)).toBeGreaterThanOrEqual(2);
    const left = await db().apiCall.findMany({ where: { route: "/retention-test" }, select: { path: true }, orderBy: { at: "asc" } });
    expect(left.map((r) => r.path)).toEqual(["/retention-test/364", "/retention-test/10"]);
    // Fewer than six months is refused as a setting.
    const saved = process.env.API_CALL_RETENTION_DAYS;
    process.env.API_CALL_RETENTION_DAYS = "30";
    try {
      await expect(purgeApiCalls(now)).rejects.toThrow(/API_CALL_RETENTION_DAYS/);
    } finally {
      if (saved === undefined) delete process.env.API_CALL_RETENTION_DAYS;
      else process.env.API_CALL_RETENTION_DAYS = saved;
    }
  });
});

