// The administrator's input for a year of the State Council's holiday notice.
import { z } from "zod";

/** Dates typed one per line, or separated by commas, spaces or 、. */
const dateList = z.union([z.array(z.string()), z.string().transform((s) => s.split(/[\s,，、;；]+/).filter(Boolean))]);

export const ZCalendarYearInput = z.object({
  year: z.coerce.number().int("calendar.year").min(2000, "calendar.year").max(2100, "calendar.year"),
  off: dateList,
  work: dateList,
  source: z.string().trim().min(4, "calendar.source").max(500, "calendar.source"),
});
export type TCalendarYearInput = z.input<typeof ZCalendarYearInput>;
