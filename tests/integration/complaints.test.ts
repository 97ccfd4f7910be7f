// 投诉 on real PostgreSQL: an anonymous complaint with a phone number gets its number and an SMS with
// its progress link; found again by number and the phone's last four digits (a wrong tail answers like
// an unknown number); assigned, pressed, handled by the assigned section only, answered, and closed by
// the complainant's satisfaction (unsatisfied once: handled again), each stage due within its
// working days; files kept for staff.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { complaintKey } from "@/lib/server/complaints/complaint-key";
import { fileComplaint } from "@/lib/server/complaints/file-complaint";
import { getComplaint, listComplaints, openComplaintAttachment } from "@/lib/server/complaints/list-complaints";
import { complaintProgress, findComplaint, giveSatisfaction } from "@/lib/server/complaints/track-complaint";
import { sweepComplaints } from "@/lib/server/complaints/sweep-complaints";
import { answerComplaint, assignComplaint, handleComplaint, pressComplaint } from "@/lib/server/complaints/work-complaint";
import { db } from "@/lib/server/db";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

// Tue 29 Sep 2026, before National Day (1–7 Oct off, Sat 10 Oct worked).
const FILED = new Date("2026-09-29T02:00:00Z");
const at = (day: string) => new Date(`${day}T03:00:00Z`);
let section: { id: string; name: string }, otherSection: { id: string };
let supervisor: Actor, chief: Actor, outsider: Actor, applicant: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  section = (await createItem(db())).section;
  otherSection = (await createItem(db())).section;
  const sup = await createUser(db(), { role: "SUPERVISOR" });
  await db().user.update({ where: { id: sup.id }, data: { phone: "13900002222" } });
  supervisor = actorOf(sup);
  const ch = await createUser(db(), { role: "CHIEF", sectionId: section.id });
  await db().user.update({ where: { id: ch.id }, data: { phone: "13900003333" } });
  chief = actorOf(ch);
  outsider = actorOf(await createUser(db(), { role: "CHIEF", sectionId: otherSection.id }));
  applicant = actorOf(await createUser(db(), { role: "APPLICANT" }));
});

const png = (name: string) => {
  const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${name} ${Math.random()}`)]);
  return { name, size: bytes.length, stream: Readable.from([bytes]) };
};

describe("a complaint's closed loop", () => {
  it("anonymous, with a phone: numbered, told by SMS with its link, found by number and tail, through every stage to the complainant's satisfaction", async () => {
    const filed = await fileComplaint({ actor: null, input: { category: "ATTITUDE", text: "窗口工作人员态度生硬，拒绝解释材料要求", phone: "139 0000 1234", name: "王女士" }, files: [png("现场照片.png")], now: FILED });
    expect(filed.number).toMatch(/^TS20260929-\d{4}$/);
    const row = await db().complaint.findUniqueOrThrow({ where: { number: filed.number }, include: { attachments: true } });
    // Received on 29 Sep: to be assigned within one working day — 30 Sep.
    expect(row).toMatchObject({ stage: "RECEIVED", phone: "13900001234", name: "王女士", complainantId: null });
    expect(row.stageDueOn?.toISOString().slice(0, 10)).toBe("2026-09-30");
    expect(row.attachments).toHaveLength(1);
    const sms = await db().notification.findFirstOrThrow({ where: { address: "13900001234", kind: "COMPLAINT_FILED" } });
    expect(sms.text).toContain(filed.number);
    expect(sms.text).toContain(`/complaints/${filed.number}?k=${complaintKey(filed.number)}`);
    expect(await db().notification.count({ where: { userId: supervisor.id, kind: "COMPLAINT_FILED" } })).toBeGreaterThanOrEqual(1);

    // Found by number and the phone's last four digits; a wrong tail and an unknown number answer alike.
    expect(await findComplaint({ number: filed.number.toLowerCase(), phoneTail: "1234" }, "test-a")).toBe(`/complaints/${filed.number}?k=${complaintKey(filed.number)}`);
    expect(await findComplaint({ number: filed.number, phoneTail: "9999" }, "test-a")).toBeNull();
    expect(await findComplaint({ number: "TS20260929-9999", phoneTail: "1234" }, "test-a")).toBeNull();
    await expect(complaintProgress({ number: filed.number, key: "wrong" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Not yet assigned: no section may handle it; the supervisor presses, then assigns.
    await expect(handleComplaint({ actor: chief, input: { complaintId: filed.id, handling: "已核查" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await pressComplaint({ actor: supervisor, input: { complaintId: filed.id, text: "请尽快交办" }, now: at("2026-09-30") });
    await expect(pressComplaint({ actor: supervisor, input: { complaintId: filed.id, text: "再次督办" }, now: at("2026-09-30") })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    await assignComplaint({ actor: supervisor, input: { complaintId: filed.id, sectionId: section.id, note: "请核查窗口服务情况" }, now: at("2026-09-30") });
    // Assigned 30 Sep: handled within five working days — 8, 9, 10, 12, 13 Oct.
    expect((await db().complaint.findUniqueOrThrow({ where: { id: filed.id } })).stageDueOn?.toISOString().slice(0, 10)).toBe("2026-10-13");
    expect(await db().notification.count({ where: { userId: chief.id, kind: "COMPLAINT_ASSIGNED" } })).toBe(1);

    // The other section neither sees nor handles it; the assigned section does.
    expect((await listComplaints({ actor: outsider })).rows.some((r) => r.id === filed.id)).toBe(false);
    await expect(getComplaint({ actor: outsider, complaintId: filed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seen = await getComplaint({ actor: chief, complaintId: filed.id, now: at("2026-10-13") });
    expect(seen).toMatchObject({ stage: "ASSIGNED", actions: ["HANDLE"], phone: "139****1234", mark: "soon" });
    const file = await openComplaintAttachment({ actor: chief, complaintId: filed.id, attachmentId: seen.attachments[0].id });
    expect(file.name).toBe("现场照片.png");
    await expect(openComplaintAttachment({ actor: outsider, complaintId: filed.id, attachmentId: seen.attachments[0].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The nightly sweep: nothing before the due day, yellow on it, red after — once each; the section told.
    const cards = async () => (await db().complaintEvent.findMany({ where: { complaintId: filed.id, kind: "CARD" }, orderBy: { at: "asc" } })).map((e) => e.text);
    await sweepComplaints(at("2026-10-12"));
    expect(await cards()).toEqual([]);
    await sweepComplaints(at("2026-10-13"));
    await sweepComplaints(at("2026-10-13"));
    expect(await cards()).toEqual(["ASSIGNED:YELLOW"]);
    await sweepComplaints(at("2026-10-14"));
    expect(await cards()).toEqual(["ASSIGNED:YELLOW", "ASSIGNED:RED"]);
    expect(await db().notification.count({ where: { userId: chief.id, kind: { startsWith: "COMPLAINT_CARD_" } } })).toBe(2);
    expect(await db().notification.count({ where: { userId: supervisor.id, kind: "COMPLAINT_CARD_RED" } })).toBe(1);
    await handleComplaint({ actor: chief, input: { complaintId: filed.id, handling: "经调取监控核实，窗口人员解释不耐心，已批评教育并调整岗位" }, now: at("2026-10-14") });
    await expect(handleComplaint({ actor: chief, input: { complaintId: filed.id, handling: "再报一次" } })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });

    // Handled on 14 Oct: to be answered within two working days — 16 Oct; no card before.
    await sweepComplaints(at("2026-10-15"));
    expect(await cards()).toEqual(["ASSIGNED:YELLOW", "ASSIGNED:RED"]);
    await answerComplaint({ actor: supervisor, input: { complaintId: filed.id, answer: "经核实，您反映的问题属实，已对相关人员批评教育，感谢您的监督。" }, now: at("2026-10-15") });
    expect(await db().notification.count({ where: { address: "13900001234", kind: "COMPLAINT_ANSWERED" } })).toBe(1);
    const progress = await complaintProgress({ number: filed.number, key: complaintKey(filed.number) });
    expect(progress).toMatchObject({ stage: "ANSWERED", maySatisfy: true, answer: "经核实，您反映的问题属实，已对相关人员批评教育，感谢您的监督。" });
    expect(progress.steps.map((s) => s.kind)).toEqual(["FILED", "ASSIGNED", "HANDLED", "ANSWERED"]);

    await giveSatisfaction({ input: { number: filed.number, key: complaintKey(filed.number), satisfaction: "SATISFIED", comment: "处理及时" } });
    await expect(giveSatisfaction({ input: { number: filed.number, key: complaintKey(filed.number), satisfaction: "UNSATISFIED" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    expect(await db().complaint.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ stage: "CLOSED", satisfaction: "SATISFIED", satisfactionComment: "处理及时", stageDueOn: null });
    const audit = (await db().auditEvent.findMany({ where: { entityId: filed.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(audit).toEqual(["complaint.filed", "complaint.press", "complaint.assign", "complaint.card", "complaint.card", "complaint.handle", "complaint.answer", "complaint.satisfaction"]);
  });

  it("unsatisfied the first time, the complaint goes back to its section with a new limit (不满意重办); unsatisfied again, it closes as unsatisfied", async () => {
    const filed = await fileComplaint({ actor: null, input: { category: "EFFICIENCY", text: "承诺时限已过仍未办结，多次电话无人回复", phone: "13900005678" }, now: at("2026-11-02") });
    const key = complaintKey(filed.number);
    await assignComplaint({ actor: supervisor, input: { complaintId: filed.id, sectionId: section.id }, now: at("2026-11-02") });
    await handleComplaint({ actor: chief, input: { complaintId: filed.id, handling: "已联系申请人说明原因" }, now: at("2026-11-03") });
    await answerComplaint({ actor: supervisor, input: { complaintId: filed.id, answer: "已向您说明延期原因。" }, now: at("2026-11-04") });
    expect(await complaintProgress({ number: filed.number, key })).toMatchObject({ maySatisfy: true, unsatisfiedReopens: true, timesReopened: 0 });

    // Unsatisfied on Thu 5 Nov: back to the section, to be handled within five working days — Thu 12 Nov.
    const first = await giveSatisfaction({ input: { number: filed.number, key, satisfaction: "UNSATISFIED", comment: "没有解决问题" }, now: at("2026-11-05") });
    expect(first.stage).toBe("ASSIGNED");
    const reopened = await db().complaint.findUniqueOrThrow({ where: { id: filed.id } });
    expect(reopened).toMatchObject({ stage: "ASSIGNED", sectionId: section.id, timesReopened: 1, satisfaction: null });
    expect(reopened.stageDueOn?.toISOString().slice(0, 10)).toBe("2026-11-12");
    const told = await db().notification.findFirstOrThrow({ where: { userId: chief.id, kind: "COMPLAINT_REOPENED" } });
    expect(told.text).toContain(filed.number);
    expect(told.text).toContain("2026-11-12");
    expect(await db().notification.count({ where: { userId: supervisor.id, kind: "COMPLAINT_UNSATISFIED", text: { contains: filed.number } } })).toBe(1);
    const progress = await complaintProgress({ number: filed.number, key });
    expect(progress).toMatchObject({ stage: "ASSIGNED", maySatisfy: false, answer: null, satisfaction: null, timesReopened: 1 });
    expect(progress.steps.map((s) => s.kind)).toEqual(["FILED", "ASSIGNED", "HANDLED", "ANSWERED", "SATISFACTION", "REOPENED"]);
    // The same click twice: the second finds it no longer answered.
    await expect(giveSatisfaction({ input: { number: filed.number, key, satisfaction: "UNSATISFIED" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });

    // Handled and answered again; this time the complainant's word closes it, counted as given.
    await handleComplaint({ actor: chief, input: { complaintId: filed.id, handling: "已督促承办人当日办结并电话回访" }, now: at("2026-11-06") });
    await answerComplaint({ actor: supervisor, input: { complaintId: filed.id, answer: "您的申请已于11月6日办结。" }, now: at("2026-11-06") });
    expect(await complaintProgress({ number: filed.number, key })).toMatchObject({ maySatisfy: true, unsatisfiedReopens: false });
    const second = await giveSatisfaction({ input: { number: filed.number, key, satisfaction: "UNSATISFIED", comment: "太慢" }, now: at("2026-11-09") });
    expect(second.stage).toBe("CLOSED");
    expect(await db().complaint.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ stage: "CLOSED", satisfaction: "UNSATISFIED", satisfactionComment: "太慢", timesReopened: 1, stageDueOn: null });
    const audit = await db().auditEvent.findMany({ where: { entityId: filed.id, action: "complaint.satisfaction" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => (e.meta as { to: string }).to)).toEqual(["ASSIGNED", "CLOSED"]);
  });

  it("signed in: the account's phone is used; without a phone number an anonymous complaint is refused; the application number links the case", async () => {
    const filed = await fileComplaint({ actor: applicant, input: { category: "EFFICIENCY", text: "承诺时限已过仍未办结，多次电话无人回复" } });
    expect(await db().complaint.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ phone: "13800009999", complainantId: applicant.id });
    await expect(fileComplaint({ actor: null, input: { category: "OTHER", text: "没有留下电话号码的投诉内容" } })).rejects.toMatchObject({ code: "VALIDATION", field: "phone" });
    await expect(fileComplaint({ actor: null, input: { category: "OTHER", text: "太短", phone: "13900001234" } })).rejects.toThrow();
  });
});
