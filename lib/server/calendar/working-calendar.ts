// The bureau's working-day calendar as it is administered: one row per year of the State
// Council's holiday notice. Seeded from the official data; administrators add new years.
import "server-only";
import { z } from "zod";
import { CalendarDataError, createWorkingCalendar, type CalendarYear, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireRole, type Actor } from "@/lib/server/auth/actor";
import { db, type DbOrTx } from "@/lib/server/db";
import { Prisma, type PrismaClient } from "@/prisma/generated/client";

/** The calendar for deadline arithmetic, built from every year the bureau holds. */
export async function loadWorkingCalendar(tx: DbOrTx = db()): Promise<WorkingCalendar> {
  const years = await tx.holidayCalendarYear.findMany({ orderBy: { year: "asc" }, select: { year: true, off: true, work: true } });
  return createWorkingCalendar(years);
}

export async function listCalendarYears(opts: { actor: Actor | null }) {
  await requireRole(opts.actor, ["ADMIN", "DIRECTOR", "CLERK"], "listCalendarYears");
  const years = await db().holidayCalendarYear.findMany({ orderBy: { year: "desc" } });
  return years.map((y) => ({ year: y.year, off: y.off.length, work: y.work.length, source: y.source, createdAt: y.createdAt }));
}

/** Dates typed one per line, or separated by commas, spaces or 、. */
const dateList = z.union([z.array(z.string()), z.string().transform((s) => s.split(/[\s,，、;；]+/).filter(Boolean))]);

export const ZAddCalendarYearInput = z.object({
  year: z.coerce.number().int("calendar.year").min(2000, "calendar.year").max(2100, "calendar.year"),
  off: dateList,
  work: dateList,
  source: z.string().trim().min(4, "calendar.source").max(500, "calendar.source"),
});
export type TAddCalendarYearInput = z.input<typeof ZAddCalendarYearInput>;

export async function addCalendarYear(opts: { actor: Actor | null; input: TAddCalendarYearInput }) {
  const actor = await requireRole(opts.actor, ["ADMIN"], "addCalendarYear");
  const input = ZAddCalendarYearInput.parse(opts.input);
  try {
    createWorkingCalendar([{ year: input.year, off: input.off, work: input.work }]);
  } catch (e) {
    if (e instanceof CalendarDataError || (e as { code?: string }).code === "INVALID_PLAIN_DATE") {
      throw new AppError("VALIDATION", "calendar.dates", { field: "off", details: { reason: (e as Error).message } });
    }
    throw e;
  }
  if (input.off.length === 0) throw new AppError("VALIDATION", "calendar.noHolidays", { field: "off" });
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.holidayCalendarYear.create({
        data: { year: input.year, off: [...new Set(input.off)].sort(), work: [...new Set(input.work)].sort(), source: input.source, createdById: actor.id },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "calendar.yearAdded",
        entityType: "HolidayCalendarYear",
        entityId: String(row.year),
        after: { off: row.off, work: row.work, source: row.source },
      });
      return { year: row.year };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CALENDAR_YEAR_EXISTS", undefined, { field: "year" });
    throw e;
  }
}

/** Seeds the official years (idempotent: a year already held is left as the bureau has it). */
export async function seedCalendarYears(prisma: PrismaClient, years: CalendarYear[]): Promise<number> {
  const { count } = await prisma.holidayCalendarYear.createMany({
    data: years.map((y) => ({ year: y.year, off: y.off, work: y.work, source: "国务院办公厅关于节假日安排的通知（shared/data/cn-holidays-2007-2026.json）" })),
    skipDuplicates: true,
  });
  return count;
}
