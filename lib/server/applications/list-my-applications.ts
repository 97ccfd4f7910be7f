// The applicant's own applications, newest first, keyset-paged (a frequent filer has hundreds).
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
  const [apps, total, cal] = await Promise.all([
    db().application.findMany({
      where: { applicantId: applicantIdOf(actor), ...olderThan("createdAt", opts.after) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: size + 1,
      select: { id: true, number: true, state: true, channel: true, createdAt: true, submittedAt: true, promisedDue: true, itemVersion: { select: { name: true } } },
    }),
    db().application.count({ where: { applicantId: applicantIdOf(actor) } }),
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
      createdAt: a.createdAt,
      submittedAt: a.submittedAt,
      promisedDue: fromDateColumn(a.promisedDue),
      provisional: provisionalOf(cal, { promisedDue: fromDateColumn(a.promisedDue) }),
    })),
  };
}
