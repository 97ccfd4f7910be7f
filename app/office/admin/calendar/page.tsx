// 工作日历: the official years the bureau holds, the provisional year after them, and loading a year.
import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarYearForm, type CalendarYearLabels } from "@/components/forms/calendar-year-form";
import { TableHead } from "@/components/ui/table-head";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCalendarYears } from "@/lib/server/calendar/working-calendar";
import { publishCalendarYearAction } from "../actions";
import { dataLang } from "@/components/ui/data";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("calendar") };
}

export default async function CalendarPage() {
  const actor = await requireArea("admin", "/office/admin/calendar");
  const [t, ta, format, years] = await Promise.all([getTranslations("calendar"), getTranslations("application"), getFormatter(), listCalendarYears({ actor })]);
  const keys = [
    "year", "off", "offHint", "work", "workHint", "source", "submit", "confirm", "added", "unchangedDone", "previewTitle", "previewOpen",
    "previewReplaces", "previewShift", "previewShiftEarlier", "previewSample", "previewNone", "field", "from", "to",
  ] as const;
  const labels: CalendarYearLabels = {
    ...(Object.fromEntries(keys.map((k) => [k, t.raw(k) as string])) as Record<(typeof keys)[number], string>),
    fields: t.raw("fields") as CalendarYearLabels["fields"],
    number: ta("number"),
    item: ta("item"),
  };
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: BUREAU_TIME_ZONE });
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {years.provisional && <Notice kind="info">{t("nextYearMissing", { year: years.provisional.year })}</Notice>}
      <Card title={t("add")}>
        <CalendarYearForm action={publishCalendarYearAction} labels={labels} />
      </Card>
      {years.provisional && (
        <Card title={t("provisionalTitle", { year: years.provisional.year })}>
          <p className="mb-2">{t("provisionalLead", { year: years.provisional.year })}</p>
          <p className="font-mono text-sm" data-testid="provisional-days">
            {years.provisional.off.join(", ")}
          </p>
        </Card>
      )}
      <Card title={t("held")}>
        <table className="w-full border-collapse text-left text-sm" data-testid="calendar-years">
          <TableHead columns={[t("year"), t("kind"), t("offCount"), t("workCount"), t("source"), t("loadedAt"), t("updatedAt")]} />
          <tbody>
            {years.provisional && (
              <tr className="border-b border-slate-200 bg-amber-50">
                <td className="py-2 pr-3 font-mono">{years.provisional.year}</td>
                <td className="py-2 pr-3">{t("provisionalKind")}</td>
                <td className="py-2 pr-3">{years.provisional.off.length}</td>
                <td className="py-2 pr-3">0</td>
                <td className="py-2 pr-3">—</td>
                <td className="py-2 pr-3">—</td>
                <td className="py-2 pr-3">—</td>
              </tr>
            )}
            {years.official.map((y) => (
              <tr key={y.year} className="border-b border-slate-200">
                <td className="py-2 pr-3 font-mono">{y.year}</td>
                <td className="py-2 pr-3">{t("official")}</td>
                <td className="py-2 pr-3">{y.off}</td>
                <td className="py-2 pr-3">{y.work}</td>
                <td className="py-2 pr-3 break-all" {...dataLang(y.source)}>
                  {y.source}
                </td>
                <td className="py-2 pr-3">{when(y.createdAt)}</td>
                <td className="py-2 pr-3">{y.updatedAt.getTime() - y.createdAt.getTime() > 1000 ? when(y.updatedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
