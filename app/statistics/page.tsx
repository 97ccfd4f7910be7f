// 统计数据公开: the bureau's monthly figures for everyone, without signing in — twelve months, one
// month by section, a chart drawn on the server with its table, 好差评 and complaints month by month
// and by section (no window, no member of staff), and the same as CSV and JSON.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BreakdownTable } from "@/components/statistics/breakdown-table";
import { ChartWithTable } from "@/components/statistics/bar-chart";
import { ComplaintTable, RatingTable } from "@/components/statistics/rating-tables";
import { formatMonth, NONE } from "@/components/statistics/format";
import { Data } from "@/components/ui/data";
import { Card, PageTitle } from "@/components/ui/notice";
import { listHref } from "@/components/ui/pager";
import { PUBLIC_COLUMNS } from "@/lib/domain/statistics/figures";
import { monthOf, monthPeriod, trendOf } from "@/lib/domain/statistics/period";
import { getPublicStatistics } from "@/lib/server/statistics/get-public-statistics";
import { ZPublicStatisticsQuery } from "@/lib/server/statistics/schemas";

/** How far back the month list reaches. */
const MONTHS_OFFERED = 24;

export async function generateMetadata() {
  return { title: (await getTranslations("statistics"))("title") };
}

export default async function PublicStatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const query = ZPublicStatisticsQuery.parse({ month: typeof sp.month === "string" ? sp.month : undefined });
  const [t, td, tf, format, s] = await Promise.all([getTranslations("statistics"), getTranslations("dashboard"), getTranslations("ratingFigures"), getFormatter(), getPublicStatistics({ query })]);
  const ratingMonths = [...s.ratings.months].reverse();
  const months = [...s.months].reverse();
  const offered = trendOf(monthPeriod(monthOf(s.today)), MONTHS_OFFERED)
    .map((p) => monthOf(p.from))
    .reverse();
  const monthName = (m: string) => formatMonth(format, m);
  const download = (path: string) => listHref(path, { month: s.month });
  return (
    <div className="flex flex-col gap-4" data-testid="public-statistics">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="month">{t("month")}</label>
            <select id="month" name="month" defaultValue={s.month} className="rounded border border-slate-500 bg-white px-3 py-2">
              {offered.map((m) => (
                <option key={m} value={m}>
                  {monthName(m)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
            {t("show")}
          </button>
        </form>
      </Card>
      <Card>
        <ChartWithTable
          caption={t("chartTitle")}
          categoryHeader={t("monthHeader")}
          categories={s.months.map((m) => ({ label: m.month }))}
          series={[
            { name: td("columns.received"), values: s.months.map((m) => m.figures.received) },
            { name: td("columns.decided"), values: s.months.map((m) => m.figures.decided) },
          ]}
          format={(v) => (v === null ? NONE : format.number(v))}
          testId="months-chart"
        />
      </Card>
      <Card title={t("monthsTitle")}>
        <BreakdownTable
          caption={t("monthsTitle")}
          labelHeaders={[t("monthHeader")]}
          columns={PUBLIC_COLUMNS}
          rows={months.map((m) => ({
            key: m.month,
            labels: [
              <Link key={m.month} href={listHref("/statistics", { month: m.month })} className="text-blue-800 underline" aria-current={m.month === s.month ? "true" : undefined}>
                {monthName(m.month)}
                {m.toDate ? t("toDate") : ""}
              </Link>,
            ],
            figures: m.figures,
          }))}
          testId="public-months"
        />
      </Card>
      <Card title={t("sectionsTitle", { month: monthName(s.month) })}>
        <BreakdownTable
          caption={t("sectionsTitle", { month: monthName(s.month) })}
          labelHeaders={[t("section")]}
          columns={PUBLIC_COLUMNS}
          rows={s.sections.map((x) => ({ key: x.code ?? "none", labels: [x.name ? <Data>{x.name}</Data> : t("noSection")], figures: x.figures }))}
          total={{ label: t("total"), figures: s.total }}
          testId="public-sections"
        />
      </Card>
      <Card title={tf("public.monthsTitle")}>
        <p className="mb-2">{tf("public.lead")}</p>
        <RatingTable
          caption={tf("public.monthsTitle")}
          labelHeaders={[t("monthHeader")]}
          rows={ratingMonths.map((m) => ({ key: m.month, labels: [monthName(m.month)], value: m.row }))}
          testId="public-rating-months"
        />
      </Card>
      <Card title={tf("public.complaintsMonthsTitle")}>
        <ComplaintTable
          caption={tf("public.complaintsMonthsTitle")}
          labelHeaders={[t("monthHeader")]}
          rows={ratingMonths.map((m) => ({ key: m.month, labels: [monthName(m.month)], value: m.complaints }))}
          testId="public-complaint-months"
        />
      </Card>
      <Card title={tf("public.sectionsTitle", { month: monthName(s.month) })}>
        <RatingTable
          caption={tf("public.sectionsTitle", { month: monthName(s.month) })}
          labelHeaders={[t("section")]}
          rows={s.ratings.sections.map((x) => ({ key: x.code ?? "none", labels: [x.name ? <Data>{x.name}</Data> : t("noSection")], value: x.row }))}
          total={{ label: t("total"), value: s.ratings.total.row }}
          testId="public-rating-sections"
        />
      </Card>
      <Card title={tf("public.complaintsSectionsTitle", { month: monthName(s.month) })}>
        <ComplaintTable
          caption={tf("public.complaintsSectionsTitle", { month: monthName(s.month) })}
          labelHeaders={[t("section")]}
          rows={s.ratings.sections.map((x) => ({ key: x.code ?? "none", labels: [x.name ? <Data>{x.name}</Data> : tf("unassigned")], value: x.complaints }))}
          total={{ label: t("total"), value: s.ratings.total.complaints }}
          testId="public-complaint-sections"
        />
        <p className="mt-4 text-sm text-slate-700">{tf("howCounted")}</p>
      </Card>
      <Card title={t("downloads")}>
        <ul className="list-disc pl-5">
          <li>
            <a href={download("/statistics/months.csv")} className="text-blue-800 underline" data-testid="public-csv-months">
              {t("csvMonths")}
            </a>
          </li>
          <li>
            <a href={download("/statistics/sections.csv")} className="text-blue-800 underline" data-testid="public-csv-sections">
              {t("csvSections")}
            </a>
          </li>
          <li>
            <a href={download("/statistics/figures.json")} className="text-blue-800 underline" data-testid="public-json">
              {t("json")}
            </a>
          </li>
        </ul>
        <p className="mt-4 text-sm text-slate-700">{t("howCounted")}</p>
      </Card>
    </div>
  );
}
