// The applicant's own applications, newest first, keyset-paged (a frequent filer has hundreds) —
// with those an agent filed for enterprises under authorities still in force (帮办代办).
import { paymentFacts } from "@/lib/domain/fees/fees";
import "server-only";
import { applicantIdOf } from "@/lib/domain/access/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { provisionalOf } from "@/lib/domain/calendar/working-days";
import { encodeCursor } from "@/lib/domain/paging/keyset";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { olderThan } from "@/lib/server/keyset-where";

export const MY_PAGE_SIZE = 20;

export async function listMyApplications(opts: { actor: Actor | null; after?: string; pageSize?: number }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "listMyApplications");
  const size = opts.pageSize ?? MY_PAGE_SIZE;
  // Most applicants hold no authority: their list stays the plain index scan over their own.
  const agent = (await db().agentAuthority.count({ where: { agentId: actor.id, status: "CONFIRMED" } })) > 0;
  const own = { applicantId: applicantIdOf(actor) };
  const mine = agent ? { OR: [own, { agentAuthority: { agentId: actor.id, status: "CONFIRMED" as const } }] } : own;
  const [apps, total, cal] = await Promise.all([
    db().application.findMany({
      where: { AND: [mine, olderThan("createdAt", opts.after)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: size + 1,
      select: { id: true, number: true, state: true, channel: true, createdAt: true, submittedAt: true, promisedDue: true, applicantId: true, applicant: { select: { name: true } }, itemVersion: { select: { name: true } }, paymentNotice: { select: { state: true } } },
    }),
    db().application.count({ where: mine }),
    loadWorkingCalendar(),
  ]);
  const page = apps.slice(0, size);
  const last = page[page.length - 1];
  return {
    total,
    next: apps.length > size && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
    rows: page.map((a) => ({
      id: a.id,
      number: a.number,
      state: a.state,
      channel: a.channel,
      itemName: a.itemVersion.name,
      /** Filed as an agent: the enterprise it is for (null for one's own). */
      onBehalfOf: a.applicantId === applicantIdOf(actor) ? null : a.applicant.name,
      createdAt: a.createdAt,
      submittedAt: a.submittedAt,
      promisedDue: fromDateColumn(a.promisedDue),
      /** 票款分离: a payment notice waits for the applicant's payment. */
      paymentDue: a.paymentNotice ? paymentFacts(a.paymentNotice.state).payable : false,
      /** The notice expired unpaid: the window issues it again (the applicant is told to ask). */
      paymentExpired: a.paymentNotice ? paymentFacts(a.paymentNotice.state).reissuable : false,
      provisional: provisionalOf(cal, { promisedDue: fromDateColumn(a.promisedDue) }),
    })),
  };
}
