// Role × use-case matrix: every back-office service refuses an applicant (and audits the refusal),
// and every back-office server action, called directly with an applicant's session, changes nothing.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ROLES, type Role } from "@/lib/domain/access/roles";
import { createStaffAccount, listStaffAccounts } from "@/lib/server/accounts/create-staff-account";
import { getApplicantProfile } from "@/lib/server/accounts/get-applicant-profile";
import { checkAuditChain, listAuditEvents } from "@/lib/server/supervision/list-audit-events";
import { listCaseQueue } from "@/lib/server/cases/list-case-queue";
import { getWalkInFiling } from "@/lib/server/applications/get-walk-in-filing";
import { previewCalendarYear } from "@/lib/server/calendar/preview-calendar-year";
import { grantDelegation } from "@/lib/server/delegations/grant-delegation";
import { listDelegationGrantees } from "@/lib/server/delegations/list-delegation-grantees";
import type { Actor } from "@/lib/domain/access/actor";
import { listSectionItems, listSections } from "@/lib/server/catalogue/list-sections";
import { db } from "@/lib/server/db";
import { listSeals } from "@/lib/server/seals/list-seals";
import { findApplicant } from "@/lib/server/applications/applicants";
import { listIntakeQueue } from "@/lib/server/applications/list-intake-queue";
import { listMessages } from "@/lib/server/applications/messages";
import { listMyApplications } from "@/lib/server/applications/list-my-applications";
import { listCalendarYears, seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import { actorOf, createUser } from "../factories/users";

// The session is stubbed: actions read the actor through currentActor().
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor, requireArea: async () => session.actor }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true, raw: (key: string) => key }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const USE_CASES: Record<string, { allowed: Role[]; call: (actor: Actor) => Promise<unknown> }> = {
  createStaffAccount: {
    allowed: ["ADMIN"],
    call: (actor) => createStaffAccount({ actor, input: { loginId: `X${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: "新人", role: "CLERK", sectionId: null, password: "Passw0rd" } }),
  },
  listStaffAccounts: { allowed: ["ADMIN"], call: (actor) => listStaffAccounts({ actor }) },
  listSections: { allowed: ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR", "ADMIN"], call: (actor) => listSections({ actor }) },
  listSectionItems: { allowed: ["REVIEWER", "CHIEF"], call: (actor) => listSectionItems({ actor }) },
  listSeals: { allowed: ["DIRECTOR", "SUPERVISOR", "ADMIN"], call: (actor) => listSeals({ actor }) },
  listAuditEvents: { allowed: ["SUPERVISOR", "DIRECTOR"], call: (actor) => listAuditEvents({ actor }) },
  getApplicantProfile: { allowed: ["APPLICANT"], call: (actor) => getApplicantProfile({ actor }) },
  listMyApplications: { allowed: ["APPLICANT"], call: (actor) => listMyApplications({ actor }) },
  listMessages: { allowed: ["APPLICANT"], call: (actor) => listMessages({ actor }) },
  listIntakeQueue: { allowed: ["CLERK"], call: (actor) => listIntakeQueue({ actor }) },
  findApplicant: { allowed: ["CLERK"], call: (actor) => findApplicant({ actor, identifier: "11010519491231002X" }).then((r) => r ?? "none") },
  listCalendarYears: { allowed: ["ADMIN", "DIRECTOR", "CLERK"], call: (actor) => listCalendarYears({ actor }) },
  listCaseQueue: { allowed: ["REVIEWER", "CHIEF", "DIRECTOR"], call: (actor) => listCaseQueue({ actor }) },
  listDelegationGrantees: { allowed: ["DIRECTOR"], call: (actor) => listDelegationGrantees({ actor }) },
  checkAuditChain: { allowed: ["SUPERVISOR", "DIRECTOR"], call: (actor) => checkAuditChain({ actor }) },
  getWalkInFiling: { allowed: ["CLERK"], call: (actor) => getWalkInFiling({ actor }) },
  previewCalendarYear: { allowed: ["ADMIN"], call: (actor) => previewCalendarYear({ actor, input: { year: 2026, off: "2026-01-01", work: "", source: "授权矩阵测试" } }) },
  grantDelegation: {
    allowed: ["DIRECTOR"],
    call: (actor) => grantDelegation({ actor, input: { granteeRole: "CLERK", sectionIds: ["any"], scope: "INSTANT_ONLY", validFrom: "2026-01-01", validTo: "2026-12-31" }, now: new Date("2026-01-01T09:00:00+08:00") }),
  },
};

const actors = {} as Record<Role, Actor>;
beforeAll(async () => {
  // A bureau always holds its calendar (the seed loads it): the queues count marks by it.
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
});
beforeEach(async () => {
  for (const role of ROLES) actors[role] ??= actorOf(await createUser(db(), { role }));
});

describe("services check the role themselves", () => {
  for (const [name, useCase] of Object.entries(USE_CASES)) {
    for (const role of ROLES) {
      const allowed = useCase.allowed.includes(role);
      it(`${name} ${allowed ? "serves" : "refuses"} ${role}`, async () => {
        if (allowed) {
          await expect(useCase.call(actors[role])).resolves.toBeDefined();
        } else {
          await expect(useCase.call(actors[role])).rejects.toMatchObject({ code: "FORBIDDEN" });
          const denied = await db().auditEvent.findFirst({ where: { actorId: actors[role].id, action: "access.denied", entityId: name } });
          expect(denied).not.toBeNull();
        }
      });
    }
  }

  it("an anonymous caller is refused as unauthenticated", async () => {
    await expect(listSeals({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

/** Every exported function of every server-action file under app/office. */
async function backOfficeActions() {
  const dir = path.resolve(__dirname, "../../app/office");
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("actions.ts"));
  const found: { name: string; fn: (prev: unknown, fd: FormData) => Promise<unknown> }[] = [];
  for (const file of files) {
    const mod = await import(path.join(dir, file));
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn === "function") found.push({ name: `${file}#${name}`, fn: fn as never });
    }
  }
  return found;
}

describe("back-office server actions called with an applicant's session", () => {
  it("are all refused, and nothing is written but the refusal", async () => {
    const actions = await backOfficeActions();
    expect(actions.length).toBeGreaterThan(0);
    session.actor = actors.APPLICANT;
    const usersBefore = await db().user.count();
    for (const { name, fn } of actions) {
      const fd = new FormData();
      for (const [k, v] of Object.entries({ loginId: "HACK01", name: "入侵者", role: "ADMIN", sectionId: "", password: "Passw0rd1" })) fd.set(k, v);
      const result = await fn(null, fd);
      expect(result, name).toMatchObject({ ok: false, message: "errors.FORBIDDEN" });
    }
    expect(await db().user.count()).toBe(usersBefore);
    expect(await db().user.findUnique({ where: { loginId: "HACK01" } })).toBeNull();
  });

  it("the same action works for an administrator (so the refusal above is about the role)", async () => {
    session.actor = actors.ADMIN;
    const actions = await backOfficeActions();
    const create = actions.find((a) => a.name.endsWith("#createStaffAccountAction"))!;
    const fd = new FormData();
    for (const [k, v] of Object.entries({ loginId: "NEW01", name: "新人", role: "CLERK", sectionId: "", password: "Passw0rd1" })) fd.set(k, v);
    expect(await create.fn(null, fd)).toMatchObject({ ok: true });
    expect(await db().user.findUnique({ where: { loginId: "NEW01" } })).not.toBeNull();
  });
});
