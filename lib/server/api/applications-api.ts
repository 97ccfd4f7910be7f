// Applications through the open API: one application's status (an applicant's own, or a department's
// item's), and the decisions on a department's items by cursor. Masked ID numbers only.
import "server-only";
import type { z } from "zod";
import { AGENT_SCOPE, mayViewApplication } from "@/lib/domain/applications/access";
import { normaliseApplicationNumber } from "@/lib/domain/applications/application-number";
import { departmentMayRead } from "@/lib/domain/api/scopes";
import { provisionalOf } from "@/lib/domain/calendar/working-days";
import { decodeCursor, encodeCursor, pageOf } from "@/lib/domain/paging/keyset";
import type { ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { stateFacts } from "@/lib/domain/workflow/state-facts";
import { AppError } from "@/lib/errors";
import { identifierOf, maskIdentity } from "@/lib/server/accounts/get-applicant-profile";
import { hiddenFrom } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { currentCertificate } from "@/lib/server/certificates/current-certificate";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import type { ApiPrincipal } from "./authenticate-api-key";
import type { ZApplicationStatus, ZDecisionPage, ZDecisionsQuery } from "./contract";

const CERTIFICATE = currentCertificate({ identifier: true, number: true, status: true });
const APPLICANT = { select: { name: true, residentId: true, creditCode: true } } as const;

function maskedApplicant(a: { name: string; residentId: string | null; creditCode: string | null }) {
  const idType = a.residentId ? ("RESIDENT_ID" as const) : a.creditCode ? ("CREDIT_CODE" as const) : ("NONE" as const);
  return { name: a.name, idType, id: maskIdentity(identifierOf(a)) };
}

/** A decided case's outcome, as the domain names it (a decided state always has one; approved otherwise, as before). */
const outcomeOf = (state: ApplicationState) => stateFacts(state).decision ?? ("APPROVED" as const);

export async function getApplicationStatusForApi(principal: ApiPrincipal, rawNumber: string): Promise<z.input<typeof ZApplicationStatus>> {
  const number = normaliseApplicationNumber(rawNumber);
  const app = number
    ? await db().application.findUnique({
        where: { number },
        include: {
          applicant: APPLICANT,
          item: { select: { implementationCode: true, departmentId: true, sectionId: true, department: { select: { code: true, name: true } } } },
          itemVersion: { select: { name: true } },
          certificates: CERTIFICATE,
          ...AGENT_SCOPE,
        },
      })
    : null;
  if (!app || !app.number) throw new AppError("NOT_FOUND");
  if (principal.owner.kind === "department") {
    // A department asking for another department's application is told so (and the probe audited).
    if (!departmentMayRead(principal.owner, { itemDepartmentId: app.item.departmentId })) throw new AppError("FORBIDDEN");
  } else if (!principal.actor || !mayViewApplication(principal.actor, app)) {
    // An applicant learns nothing of others' applications: exactly as if it did not exist.
    throw principal.actor ? await hiddenFrom(principal.actor, { entityType: "Application", entityId: app.id }, "api.getApplicationStatus") : new AppError("NOT_FOUND");
  }
  const cal = await loadWorkingCalendar();
  const due = { promisedDue: fromDateColumn(app.promisedDue), statutoryDue: fromDateColumn(app.statutoryDue) };
  const provisional = provisionalOf(cal, due);
  const cert = app.certificates[0] ?? null;
  return {
    number: app.number,
    item: { code: app.item.implementationCode, name: app.itemVersion.name },
    department: app.item.department,
    applicant: maskedApplicant(app.applicant),
    channel: app.channel,
    state: app.state,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    acceptedAt: app.acceptedAt?.toISOString() ?? null,
    ...due,
    clockSuspended: app.clockSuspended,
    provisionalDates: provisional.promisedDue || provisional.statutoryDue,
    decision: app.decidedAt ? { outcome: outcomeOf(app.state), decidedAt: app.decidedAt.toISOString() } : null,
    certificate: cert,
  };
}

/** Decisions on the department's items, oldest first, after the cursor `<decidedAt ISO>~<application id>`. */
export async function listDecisionsForApi(principal: ApiPrincipal, query: z.output<typeof ZDecisionsQuery>): Promise<z.input<typeof ZDecisionPage>> {
  if (principal.owner.kind !== "department") throw new AppError("FORBIDDEN");
  const size = query.limit ?? 50;
  let after: { at: Date; id: string } | null = null;
  if (query.after !== undefined) {
    const cursor = decodeCursor(query.after);
    const at = cursor ? new Date(cursor.value) : null;
    if (!cursor || !at || Number.isNaN(at.getTime())) throw new AppError("VALIDATION", "after");
    after = { at, id: cursor.id };
  }
  const rows = await db().application.findMany({
    where: {
      item: { departmentId: principal.owner.departmentId },
      decidedAt: after ? { gte: after.at } : { not: null },
      number: { not: null },
      ...(after ? { OR: [{ decidedAt: { gt: after.at } }, { id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    take: size + 1,
    select: {
      id: true,
      number: true,
      state: true,
      decidedAt: true,
      decisionReason: true,
      decisionBasis: true,
      applicant: APPLICANT,
      item: { select: { implementationCode: true } },
      itemVersion: { select: { name: true } },
      certificates: CERTIFICATE,
    },
  });
  const keyOf = (r: (typeof rows)[number]) => ({ value: r.decidedAt!.toISOString(), id: r.id });
  const page = pageOf(rows, size, keyOf);
  return {
    decisions: page.rows.map((r) => {
      const outcome = outcomeOf(r.state);
      return {
        number: r.number!,
        item: { code: r.item.implementationCode, name: r.itemVersion.name },
        applicant: maskedApplicant(r.applicant),
        outcome,
        decidedAt: r.decidedAt!.toISOString(),
        reason: outcome === "DENIED" ? r.decisionReason : null,
        basis: outcome === "DENIED" ? r.decisionBasis : null,
        certificate: r.certificates[0] ?? null,
      };
    }),
    // The last row's cursor, so a poller resumes from there (the one given when nothing is newer).
    next: page.rows.length ? encodeCursor(keyOf(page.rows[page.rows.length - 1])) : (query.after ?? null),
    more: page.next !== null,
  };
}
