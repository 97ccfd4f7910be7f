// 专家评审 on real PostgreSQL: the administrator keeps the expert pool and records a declared conflict
// (回避) with an applicant found by resident ID; 200 draws through the service for that applicant's
// case never pick a conflicted or inactive expert and reach every eligible one; each draw is stored
// with its seed and re-runs to the same picks; someone outside the case's section is refused, and
// too few eligible experts is a typed error (through the server action too, with how many could be drawn).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { reproduceDraw } from "@/lib/domain/experts/expert-draw";
import { submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { db } from "@/lib/server/db";
import { addExpert } from "@/lib/server/experts/add-expert";
import { declareConflict } from "@/lib/server/experts/declare-conflict";
import { drawExpertsForCase } from "@/lib/server/experts/draw-experts";
import { listCaseExpertDraws } from "@/lib/server/experts/list-case-expert-draws";
import { listExperts } from "@/lib/server/experts/list-experts";
import { setExpertActive } from "@/lib/server/experts/set-expert-active";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-experts-"));

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor, requireArea: async () => session.actor }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string, v?: Record<string, string>) => (v?.limit ? `${key}:${v.limit}` : key), { has: () => true, raw: (key: string) => key }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const caseActions = await import("@/app/office/cases/actions");
const expertActions = await import("@/app/office/admin/experts/actions");

const FIELD = "食品安全";
let item: Awaited<ReturnType<typeof createItem>>;
let admin: Actor, applicant: Actor, other: Actor, clerk: Actor, reviewer: Actor, chief: Actor, otherChief: Actor, director: Actor;
let residentId: string;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db(), { promisedDays: 15, statutoryDays: 20 });
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
  const applicantUser = await createUser(db(), { role: "APPLICANT", name: "回避测试申请人" });
  residentId = applicantUser.residentId!;
  applicant = actorOf(applicantUser);
  other = actorOf(await createUser(db(), { role: "APPLICANT" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  reviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: item.section.id }));
  chief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: item.section.id }));
  otherChief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: (await createItem(db())).section.id }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
});

/** A case of `item` filed by `who` and accepted at the window. */
async function acceptedCase(who: Actor) {
  const { id, materialIds } = await draftWithMaterials(who, item);
  await submitApplication({ actor: who, applicationId: id, declared: true });
  await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds } });
  return id;
}

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

describe("the expert pool and its draws", () => {
  it("a case's draws leave out the applicant's conflicted and the inactive experts, are stored, re-run from their seeds, and are the section's alone", async () => {
    // The pool: ten experts of the field, two of another.
    const names = ["李建华", "陈晓燕", "刘志强", "杨丽萍", "黄文杰", "周敏", "吴海涛", "徐静", "孙立新", "马国栋"];
    const ids: string[] = [];
    for (const name of names) ids.push((await addExpert({ actor: admin, input: { name, field: FIELD, employer: "广安市疾病预防控制中心" } })).id);
    for (const name of ["朱红梅", "胡永强"]) await addExpert({ actor: admin, input: { name, field: "建筑消防" } });
    await expect(addExpert({ actor: clerk, input: { name: "无权添加", field: FIELD } })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Three declare a conflict with the applicant (by resident ID, any case of letters and spaces); one leaves the pool.
    const conflicted = [ids[1], ids[4], ids[8]];
    for (const expertId of conflicted) await declareConflict({ actor: admin, input: { expertId, identifier: ` ${residentId.toLowerCase()} `, reason: "曾为申请人提供咨询服务" } });
    await expect(declareConflict({ actor: admin, input: { expertId: ids[1], identifier: residentId } })).rejects.toMatchObject({ code: "VALIDATION", field: "identifier" });
    await expect(declareConflict({ actor: admin, input: { expertId: ids[2], identifier: "511602190001010000" } })).rejects.toMatchObject({ code: "APPLICANT_NOT_FOUND" });
    await setExpertActive({ actor: admin, input: { expertId: ids[6], active: false } });
    const pool = await listExperts({ actor: admin });
    expect(pool.find((e) => e.id === ids[1])?.conflicts).toEqual([expect.objectContaining({ applicant: "回避测试申请人", reason: "曾为申请人提供咨询服务", identifier: expect.stringMatching(/^5116\*+\w{4}$/) })]);
    expect(pool.find((e) => e.id === ids[6])?.active).toBe(false);
    const eligible = ids.filter((id) => !conflicted.includes(id) && id !== ids[6]).sort();

    const id = await acceptedCase(applicant);
    // The table offers the draw to the case's section, and the case page renders it from there.
    expect((await getCaseFile({ actor: reviewer, applicationId: id })).actions).toContainEqual({ action: "DRAW_EXPERTS", allowed: true });
    expect((await getCaseFile({ actor: director, applicationId: id })).actions.map((a) => a.action)).not.toContain("DRAW_EXPERTS");

    // 200 draws of 3 through the service.
    const seen = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const drawn = await drawExpertsForCase({ actor: i % 2 ? reviewer : chief, input: { applicationId: id, field: FIELD, count: 3 } });
      expect(drawn.picked).toHaveLength(3);
      expect(new Set(drawn.picked).size).toBe(3);
      for (const p of drawn.picked) {
        expect(eligible).toContain(p);
        seen.set(p, (seen.get(p) ?? 0) + 1);
      }
      expect(drawn.excluded).toBe(3);
    }
    // Every eligible expert was drawn at some point (each misses one draw of 3 of 6 with probability ½: never 200 times).
    expect([...seen.keys()].sort()).toEqual(eligible);

    // Stored: eligible and excluded lists as of the draw, the seed, and picks its seed gives again.
    const stored = await db().expertDraw.findMany({ where: { applicationId: id } });
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((d) => d.seed)).size).toBe(200);
    for (const d of stored) {
      expect(d).toMatchObject({ field: FIELD, count: 3, eligibleIds: eligible, excludedIds: [...conflicted].sort() });
      expect(d.seed).toMatch(/^[0-9a-f]{64}$/);
      expect(reproduceDraw(d)).toEqual({ reproducible: true, picked: d.pickedIds });
    }
    // Each draw is on the supervisors' trail with its seed.
    const trail = await db().auditEvent.findMany({ where: { entityType: "Application", entityId: id, action: "expert.drawn" } });
    expect(trail).toHaveLength(200);
    const first = stored[0];
    expect(trail.map((e) => (e.after as { seed: string }).seed)).toContain(first.seed);

    // The case page's list: names, the excluded count, the seed, reproducible; an altered record is not.
    const list = await listCaseExpertDraws({ actor: chief, applicationId: id });
    expect(list.draws).toHaveLength(200);
    const shown = list.draws.find((d) => d.id === first.id)!;
    expect(shown).toMatchObject({ field: FIELD, seed: first.seed, excluded: 3, eligible: 6, reproducible: true });
    expect(shown.picked.map((p) => p.name)).toEqual(first.pickedIds.map((pid) => names[ids.indexOf(pid)]));
    expect(list.fields).toHaveLength(2);
    expect(list.fields).toEqual(expect.arrayContaining([{ field: "建筑消防", experts: 2 }, { field: FIELD, experts: 9 }]));
    await db().expertDraw.update({ where: { id: first.id }, data: { pickedIds: [...first.pickedIds].reverse() } });
    expect((await listCaseExpertDraws({ actor: chief, applicationId: id })).draws.find((d) => d.id === first.id)?.reproducible).toBe(false);

    // Another applicant's case: nobody is left out for them.
    const otherCase = await acceptedCase(other);
    const theirs = await drawExpertsForCase({ actor: reviewer, input: { applicationId: otherCase, field: FIELD, count: 9 } });
    expect([...theirs.picked].sort()).toEqual(ids.filter((i) => i !== ids[6]).sort());

    // Outside the case's section: hidden (NOT_FOUND), and nothing is written; other roles are refused outright.
    const before = await db().expertDraw.count();
    await expect(drawExpertsForCase({ actor: otherChief, input: { applicationId: id, field: FIELD, count: 3 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCaseExpertDraws({ actor: otherChief, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const actor of [clerk, director, applicant, admin]) await expect(drawExpertsForCase({ actor, input: { applicationId: id, field: FIELD, count: 3 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().expertDraw.count()).toBe(before);
  });

  it("too few eligible experts is a typed error; a case not yet accepted is not drawn for; the server actions are gated", async () => {
    const id = await acceptedCase(applicant);
    // Six eligible for this applicant (ten, less three conflicted and one inactive).
    await expect(drawExpertsForCase({ actor: reviewer, input: { applicationId: id, field: FIELD, count: 7 } })).rejects.toMatchObject({ code: "TOO_FEW_EXPERTS", field: "count", details: { limit: 6 } });
    await expect(drawExpertsForCase({ actor: reviewer, input: { applicationId: id, field: "无此领域", count: 1 } })).rejects.toMatchObject({ code: "TOO_FEW_EXPERTS", details: { limit: 0 } });
    await expect(drawExpertsForCase({ actor: reviewer, input: { applicationId: id, field: FIELD, count: 0 } })).rejects.toThrow();
    const { id: draft } = await draftWithMaterials(applicant, item);
    await submitApplication({ actor: applicant, applicationId: draft, declared: true });
    await expect(drawExpertsForCase({ actor: reviewer, input: { applicationId: draft, field: FIELD, count: 1 } })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    expect(await db().expertDraw.count({ where: { applicationId: { in: [id, draft] } } })).toBe(0);

    // Through the case page's action: the message says how many could be drawn, beside the count.
    session.actor = reviewer;
    expect(await caseActions.drawExpertsAction(null, form({ applicationId: id, field: FIELD, count: "7" }))).toMatchObject({ ok: false, message: "errors.TOO_FEW_EXPERTS:6", fieldErrors: { count: "errors.TOO_FEW_EXPERTS:6" } });
    expect(await caseActions.drawExpertsAction(null, form({ applicationId: id, field: FIELD, count: "2" }))).toMatchObject({ ok: true, data: { picked: [expect.any(String), expect.any(String)] } });
    session.actor = applicant;
    expect(await caseActions.drawExpertsAction(null, form({ applicationId: id, field: FIELD, count: "2" }))).toMatchObject({ ok: false, message: "errors.FORBIDDEN" });
    expect(await expertActions.addExpertAction(null, form({ name: "冒名专家", field: FIELD }))).toMatchObject({ ok: false, message: "errors.FORBIDDEN" });
    session.actor = admin;
    expect(await expertActions.addExpertAction(null, form({ name: "宋卫东", field: "公共卫生", employer: "" }))).toMatchObject({ ok: true });
    expect(await expertActions.declareConflictAction(null, form({ expertId: "", identifier: residentId }))).toMatchObject({ ok: false, fieldErrors: { expertId: expect.any(String) } });
  });
});
