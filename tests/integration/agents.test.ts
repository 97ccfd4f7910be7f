// 帮办代办 on real PostgreSQL: a person asks two enterprises for authority; one confirms online, the
// other does not. The agent files, uploads and submits for the one that confirmed — every filing
// records for whom and by whom — and cannot file for the other; both the enterprise and the agent
// follow the application; a revocation ends the agent's access at once, and the enterprise keeps it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access/actor";
import { confirmAuthorityAtWindow, listAuthorities, moveAuthority, requestAuthority } from "@/lib/server/agents/authorities";
import { startApplication, submitApplication } from "@/lib/server/applications/file-application";
import { listMyApplications } from "@/lib/server/applications/list-my-applications";
import { uploadMaterial } from "@/lib/server/applications/materials";
import { getApplication } from "@/lib/server/applications/queries";
import { db } from "@/lib/server/db";
import { makeCreditCode } from "../factories/identities";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-agents-"));

let item: Awaited<ReturnType<typeof createItem>>;
let agent: Actor, enterprise: Actor, otherEnterprise: Actor, enterpriseStaff: Actor, stranger: Actor;
let enterpriseCode: string, otherCode: string;

async function createEnterprise(name: string, n: number) {
  const creditCode = makeCreditCode(900 + n + (Date.now() % 50) * 10);
  const user = await db().user.create({ data: { loginId: creditCode, name, role: "APPLICANT", passwordHash: "x", applicantType: "ENTERPRISE", creditCode, phone: "13800003333" } });
  return { actor: actorOf(user), creditCode };
}

const pdf = (tag: string) => {
  const bytes = Buffer.from(`%PDF-1.4\n${tag}\n%%EOF\n`);
  return { name: `${tag}.pdf`, size: bytes.length, stream: Readable.from([bytes]) };
};

const file = (actor: Actor, onBehalfOf?: string) =>
  startApplication({ actor, input: { itemCode: item.item.implementationCode, submissionKey: randomUUID(), subject: "代办食品经营许可", contactName: "帮办员", contactPhone: "13800004444", onBehalfOf } });

beforeAll(async () => {
  item = await createItem(db());
  agent = actorOf(await createUser(db(), { role: "APPLICANT", name: "帮办员小刘" }));
  stranger = actorOf(await createUser(db(), { role: "APPLICANT" }));
  ({ actor: enterprise, creditCode: enterpriseCode } = await createEnterprise("广安代办测试餐饮有限公司", 1));
  ({ actor: otherEnterprise, creditCode: otherCode } = await createEnterprise("广安未确认商贸有限公司", 2));
  const staff = await createUser(db(), { role: "APPLICANT", name: "企业经办人" });
  await db().user.update({ where: { id: staff.id }, data: { enterpriseId: enterprise.id, applicantType: null } });
  enterpriseStaff = { ...actorOf(staff), actsFor: enterprise.id };
});

describe("an agent's power of attorney", () => {
  let authorityId: string, otherAuthorityId: string;

  it("is asked for by a person, once, and only confirmed by the enterprise's main account", async () => {
    authorityId = (await requestAuthority({ actor: agent, input: { creditCode: enterpriseCode, scope: "代为申报食品经营许可" } })).id;
    otherAuthorityId = (await requestAuthority({ actor: agent, input: { creditCode: otherCode, scope: "代为申报" } })).id;
    await expect(requestAuthority({ actor: agent, input: { creditCode: enterpriseCode, scope: "再次申请" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(requestAuthority({ actor: enterprise, input: { creditCode: otherCode, scope: "企业不能做代办人" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestAuthority({ actor: agent, input: { creditCode: makeCreditCode(7777), scope: "不存在的企业" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().message.count({ where: { userId: enterprise.id, kind: "AGENT_REQUESTED" } })).toBe(1);
    // The agent cannot confirm their own authority; a staff sub-account or a stranger cannot see it.
    await expect(moveAuthority({ actor: agent, input: { authorityId, move: "CONFIRM" } })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    await expect(moveAuthority({ actor: enterpriseStaff, input: { authorityId, move: "CONFIRM" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(moveAuthority({ actor: stranger, input: { authorityId, move: "CONFIRM" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Not yet confirmed: no filing for the enterprise.
    await expect(file(agent, authorityId)).rejects.toMatchObject({ code: "AGENT_NOT_AUTHORISED" });
    await moveAuthority({ actor: enterprise, input: { authorityId, move: "CONFIRM" } });
    await expect(moveAuthority({ actor: enterprise, input: { authorityId, move: "CONFIRM" } })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    const mine = await listAuthorities({ actor: enterprise });
    expect(mine.as).toBe("ENTERPRISE");
    expect(mine.rows).toMatchObject([{ agent: "帮办员小刘", status: "CONFIRMED", moves: ["REVOKE"] }]);
  });

  it("lets the agent file for the enterprise that confirmed, recording for whom and by whom, and not for the other", async () => {
    await expect(file(agent, otherAuthorityId)).rejects.toMatchObject({ code: "AGENT_NOT_AUTHORISED" });
    await expect(file(stranger, authorityId)).rejects.toMatchObject({ code: "AGENT_NOT_AUTHORISED" });
    const { id } = await file(agent, authorityId);
    for (const m of Object.values(item.materials)) await uploadMaterial({ actor: agent, applicationId: id, materialId: m.id, file: pdf(`${m.id}${id}`) });
    await submitApplication({ actor: agent, applicationId: id, declared: true });
    const app = await db().application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ applicantId: enterprise.id, filedById: agent.id, agentAuthorityId: authorityId, state: "SUBMITTED", channel: "ONLINE" });
    const created = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "application.created" } });
    expect(created.after).toMatchObject({ onBehalfOf: enterprise.id, agentAuthorityId: authorityId });
    // Both follow it: the enterprise as its own, the agent marked as filed for the enterprise.
    expect((await listMyApplications({ actor: enterprise })).rows.map((r) => r.id)).toContain(id);
    expect((await listMyApplications({ actor: agent })).rows.find((r) => r.id === id)).toMatchObject({ onBehalfOf: "广安代办测试餐饮有限公司" });
    expect((await getApplication({ actor: agent, applicationId: id })).id).toBe(id);
    await expect(getApplication({ actor: stranger, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("ends with the enterprise's revocation, at once; the enterprise keeps its applications", async () => {
    const { id } = await file(agent, authorityId);
    await moveAuthority({ actor: enterprise, input: { authorityId, move: "REVOKE" } });
    expect(await db().message.count({ where: { userId: agent.id, kind: "AGENT_REVOKED" } })).toBe(1);
    await expect(getApplication({ actor: agent, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(uploadMaterial({ actor: agent, applicationId: id, materialId: item.materials.core1.id, file: pdf("late") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(file(agent, authorityId)).rejects.toMatchObject({ code: "AGENT_NOT_AUTHORISED" });
    expect((await listMyApplications({ actor: agent })).rows.filter((r) => r.onBehalfOf)).toEqual([]);
    expect((await getApplication({ actor: enterprise, applicationId: id })).id).toBe(id);
    // A new request may follow a revoked one; the agent may give up a pending one.
    const again = await requestAuthority({ actor: agent, input: { creditCode: enterpriseCode, scope: "重新申请" } });
    await moveAuthority({ actor: agent, input: { authorityId: again.id, move: "REVOKE" } });
    expect((await db().agentAuthority.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("REVOKED");
  });

  it("can be confirmed at the window from the paper power of attorney, its scan kept, the enterprise told", async () => {
    const clerk = actorOf(await createUser(db(), { role: "CLERK" }));
    const reviewer = actorOf(await createUser(db(), { role: "REVIEWER" }));
    const { actor: paperEnterprise, creditCode } = await createEnterprise("广安纸质授权餐饮有限公司", 3);
    const residentId = (await db().user.findUniqueOrThrow({ where: { id: agent.id } })).residentId!;
    const input = { creditCode, agentResidentId: residentId, scope: "代为申报食品经营许可", checked: "on" as const };
    await expect(confirmAuthorityAtWindow({ actor: reviewer, input, file: pdf("poa") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmAuthorityAtWindow({ actor: clerk, input: { ...input, checked: undefined as never }, file: pdf("poa") })).rejects.toThrow();
    await expect(confirmAuthorityAtWindow({ actor: clerk, input, file: null })).rejects.toMatchObject({ code: "UPLOAD_EMPTY" });
    await expect(confirmAuthorityAtWindow({ actor: clerk, input: { ...input, agentResidentId: "11010519491231002X" }, file: pdf("poa") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { id } = await confirmAuthorityAtWindow({ actor: clerk, input, file: pdf("poa-scan") });
    const a = await db().agentAuthority.findUniqueOrThrow({ where: { id } });
    expect(a).toMatchObject({ status: "CONFIRMED", confirmedById: clerk.id, enterpriseId: paperEnterprise.id, agentId: agent.id });
    expect((await db().storedFile.findUniqueOrThrow({ where: { id: a.evidenceFileId! } })).ownerId).toBe(paperEnterprise.id);
    expect(await db().message.count({ where: { userId: paperEnterprise.id, kind: "AGENT_CONFIRMED_AT_WINDOW" } })).toBe(1);
    await expect(confirmAuthorityAtWindow({ actor: clerk, input, file: pdf("again") })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    // In force: the agent files for the enterprise; the enterprise may revoke it online.
    const { id: appId } = await file(agent, id);
    expect((await db().application.findUniqueOrThrow({ where: { id: appId } })).applicantId).toBe(paperEnterprise.id);
    await moveAuthority({ actor: paperEnterprise, input: { authorityId: id, move: "REVOKE" } });
  });
});
