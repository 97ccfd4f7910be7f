// 工作日历: the years of the official holiday calendar the bureau holds, and adding the next one.
import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarYearForm } from "@/components/forms/calendar-year-form";
import { TableHead } from "@/components/ui/table-head";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCalendarYears } from "@/lib/server/calendar/working-calendar";
import { addCalendarYearAction } from "../actions";

export const metadata = { title: "工作日历" };

export default async function CalendarPage() {
  const actor = await requireArea("admin", "/office/admin/calendar");
  const [t, format, years] = await Promise.all([getTranslations("calendar"), getFormatter(), listCalendarYears({ actor })]);
  const latest = years[0]?.year;
  const keys = ["year", "off", "offHint", "work", "workHint", "source", "submit", "added"] as const;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {latest !== undefined && latest <= new Date().getFullYear() && <Notice kind="info">{t("nextYearMissing", { year: latest + 1 })}</Notice>}
      <Card title={t("add")}>
        <CalendarYearForm action={addCalendarYearAction} labels={Object.fromEntries(keys.map((k) => [k, t.raw(k) as string])) as Record<(typeof keys)[number], string>} />
      </Card>
      <Card title={t("held")}>
        <table className="w-full border-collapse text-left text-sm" data-testid="calendar-years">
          <TableHead columns={[t("year"), t("offCount"), t("workCount"), t("source"), t("loadedAt")]} />
          <tbody>
            {years.map((y) => (
              <tr key={y.year} className="border-b border-slate-200">
                <td className="py-2 pr-3 font-mono">{y.year}</td>
                <td className="py-2 pr-3">{y.off}</td>
                <td className="py-2 pr-3">{y.work}</td>
                <td className="py-2 pr-3">{y.source}</td>
                <td className="py-2 pr-3">{format.dateTime(y.createdAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
