import { describe, expect, it } from "vitest";
import {
  applicantOf,
  attemptError,
  DEPARTMENT_EVENT_TYPES,
  departmentEventOf,
  eventEnvelope,
  isDelivered,
  isPrivateAddress,
  MAX_DELIVERY_ATTEMPTS,
  mayReplay,
  stateAfterFailure,
  subscriptionWants,
  webhookUrlProblem,
  type CaseFacts,
} from "./department-events";

const person: CaseFacts = {
  number: "GA2026120100001",
  item: { implementationCode: "11511602MB1234567X4000117001000", name: "食品经营许可" },
  applicant: { name: "张小民", residentId: "511602198806150212", creditCode: null },
  submittedAt: new Date("2026-12-01T01:00:00Z"),
  acceptedAt: new Date("2026-12-01T02:00:00Z"),
};
const enterprise: CaseFacts = { ...person, applicant: { name: "广安示范商贸有限公司", residentId: null, creditCode: "91511602MA0000001P" } };
const certificate = { number: "广安审批食经〔2026〕第00001号", identifier: "1.2.156.3005.2.X", name: "食品经营许可证", issuedOn: "2026-12-01", validFrom: "2026-12-01", validTo: "2031-11-30" };

describe("the event payload", () => {
  it("never carries a full resident ID; an enterprise's public credit code goes whole", () => {
    const { payload } = departmentEventOf({ kind: "DECISION", case: person, decision: { approved: true, letterNumber: "广安审批许〔2026〕1号", decidedAt: new Date("2026-12-02T03:00:00Z"), reason: null, basis: null } });
    expect(JSON.stringify(payload)).not.toContain("511602198806150212");
    expect(payload.application.applicant).toEqual({ name: "张小民", idType: "RESIDENT_ID", id: "5116**********0212" });
    expect(applicantOf(enterprise.applicant)).toEqual({ name: "广安示范商贸有限公司", idType: "CREDIT_CODE", id: "91511602MA0000001P" });
    expect(applicantOf({ name: "某", residentId: null, creditCode: null }).idType).toBe("NONE");
  });

  it("an approval names the item, the numbers and times, but no reason; a denial carries reason and basis", () => {
    const approved = departmentEventOf({ kind: "DECISION", case: person, decision: { approved: true, letterNumber: "广安审批许〔2026〕1号", decidedAt: new Date("2026-12-02T03:00:00Z"), reason: "x", basis: "y" } });
    expect(approved.type).toBe("decision.approved");
    expect(approved.payload.application.item.implementationCode).toBe(person.item.implementationCode);
    expect(approved.payload.application.number).toBe("GA2026120100001");
    expect(approved.payload.decision).toEqual({ outcome: "APPROVED", letterNumber: "广安审批许〔2026〕1号", decidedAt: "2026-12-02T03:00:00.000Z" });
    const denied = departmentEventOf({ kind: "DECISION", case: person, decision: { approved: false, letterNumber: null, decidedAt: new Date("2026-12-02T03:00:00Z"), reason: "场所不符合要求", basis: "《食品经营许可管理办法》第十条" } });
    expect(denied.type).toBe("decision.denied");
    expect(denied.payload.decision).toMatchObject({ outcome: "DENIED", reason: "场所不符合要求", basis: "《食品经营许可管理办法》第十条" });
  });

  it("issuance, revocation, cancellation and post-check each have their type; a revocation carries its reason and basis", () => {
    expect(departmentEventOf({ kind: "ISSUANCE", case: enterprise, certificate, decision: { letterNumber: null, decidedAt: null } }).payload.certificate).toEqual(certificate);
    const revoked = departmentEventOf({ kind: "CERTIFICATE_END", case: enterprise, certificate, end: { status: "REVOKED", at: new Date("2026-12-03T00:00:00Z"), reason: "告知承诺不实", basis: "《行政许可法》第六十九条" } });
    expect(revoked.type).toBe("certificate.revoked");
    expect(revoked.payload.certificate).toMatchObject({ status: "REVOKED", reason: "告知承诺不实", basis: "《行政许可法》第六十九条", changedAt: "2026-12-03T00:00:00.000Z" });
    expect(departmentEventOf({ kind: "CERTIFICATE_END", case: enterprise, certificate, end: { status: "CANCELLED", at: new Date(), reason: "r", basis: "b" } }).type).toBe("certificate.cancelled");
    const checked = departmentEventOf({ kind: "COMMITMENT_CHECK", case: enterprise, commitment: { material: "营业执照", result: "HOLDS", note: "核实无误", checkedAt: new Date("2026-12-04T00:00:00Z") } });
    expect(checked.type).toBe("commitment.checked");
    expect(checked.payload.commitment).toEqual({ material: "营业执照", result: "HOLDS", note: "核实无误", checkedAt: "2026-12-04T00:00:00.000Z" });
    const replaced = departmentEventOf({ kind: "REPLACEMENT", case: enterprise, certificate, replacement: { replaces: "1.2.156.old", kind: "AMEND", reason: "企业更名", at: new Date("2026-12-05T00:00:00Z") } });
    expect(replaced.type).toBe("certificate.replaced");
    expect(replaced.payload.certificate).toMatchObject({ replaces: "1.2.156.old", replacementKind: "AMEND", reason: "企业更名", changedAt: "2026-12-05T00:00:00.000Z" });
    for (const e of [revoked, checked, replaced]) expect(DEPARTMENT_EVENT_TYPES).toContain(e.type);
  });

  it("the envelope is the same for webhook and pull: public id, sequence as a string, type, department, data", () => {
    const env = eventEnvelope({ id: 9007199254740993n, publicId: "ev1", type: "decision.approved", occurredAt: new Date("2026-12-01T00:00:00Z"), payload: { a: 1 }, department: { code: "SCJ", name: "市场监管局" } });
    expect(env).toEqual({ id: "ev1", sequence: "9007199254740993", type: "decision.approved", occurredAt: "2026-12-01T00:00:00.000Z", department: { code: "SCJ", name: "市场监管局" }, data: { a: 1 } });
  });
});

describe("subscriptions, retries and replay", () => {
  it("an active subscription gets the types it lists (none listed: every type)", () => {
    expect(subscriptionWants({ active: true, events: [] }, "certificate.issued")).toBe(true);
    expect(subscriptionWants({ active: true, events: ["decision.denied"] }, "certificate.issued")).toBe(false);
    expect(subscriptionWants({ active: false, events: [] }, "certificate.issued")).toBe(false);
  });

  it("only 2xx delivers; the last failed attempt fails the delivery", () => {
    expect([200, 204, 299].map(isDelivered)).toEqual([true, true, true]);
    expect([199, 301, 302, 404, 500].map(isDelivered)).toEqual([false, false, false, false, false]);
    expect(stateAfterFailure(1, MAX_DELIVERY_ATTEMPTS)).toBe("PENDING");
    expect(stateAfterFailure(MAX_DELIVERY_ATTEMPTS, MAX_DELIVERY_ATTEMPTS)).toBe("FAILED");
  });

  it("the administrator replays an ended delivery to an active subscription, never a pending one", () => {
    expect(mayReplay({ state: "FAILED", subscriptionActive: true })).toBe(true);
    expect(mayReplay({ state: "DELIVERED", subscriptionActive: true })).toBe(true);
    expect(mayReplay({ state: "PENDING", subscriptionActive: true })).toBe(false);
    expect(mayReplay({ state: "FAILED", subscriptionActive: false })).toBe(false);
  });

  it("the attempt log keeps one short line", () => {
    expect(attemptError({ status: 500, body: "Internal\n  error" })).toBe("HTTP 500: Internal error");
    expect(attemptError({ error: "timeout" })).toBe("timeout");
    expect(attemptError({ status: 502, body: "x".repeat(1000) }).length).toBe(300);
  });
});

describe("where a subscription may point", () => {
  it("http(s) only, no credentials in the URL", () => {
    expect(webhookUrlProblem("https://scjgj.example.gov.cn/hooks/bureau", { allowPrivate: false })).toBeNull();
    expect(webhookUrlProblem("ftp://example.gov.cn/x", { allowPrivate: true })).toBe("SCHEME");
    expect(webhookUrlProblem("javascript:alert(1)", { allowPrivate: true })).toBe("SCHEME");
    expect(webhookUrlProblem("not a url", { allowPrivate: true })).toBe("INVALID");
    expect(webhookUrlProblem("https://u:p@example.gov.cn/", { allowPrivate: true })).toBe("CREDENTIALS");
  });

  it("loopback and private hosts only where the installation allows them", () => {
    for (const url of ["http://localhost:8080/", "http://127.0.0.1/", "http://10.1.2.3/", "http://172.20.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest", "http://[::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://app.localhost/"]) {
      expect(webhookUrlProblem(url, { allowPrivate: false }), url).toBe("PRIVATE_HOST");
      expect(webhookUrlProblem(url, { allowPrivate: true }), url).toBeNull();
    }
    expect(webhookUrlProblem("http://172.32.0.1/", { allowPrivate: false })).toBeNull();
    expect(isPrivateAddress("100.64.0.1")).toBe(true);
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("2001:db8::1")).toBe(false);
    expect(isPrivateAddress("fe80::1")).toBe(true);
  });
});
