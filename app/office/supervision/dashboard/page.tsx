// 监察统计 for the director and supervisors: a day, week or month of figures, the trend before it,
// charts drawn on the server with a table beside each, and the breakdowns by section, item and
// member of staff, each downloadable as CSV; then the period's 好差评 by section, item, window and
// member of staff, and complaints by stage.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BreakdownTable } from "@/components/statistics/breakdown-table";
import { ChartWithTable } from "@/components/statistics/bar-chart";
import { FigureSummary } from "@/components/statistics/figure-summary";
import { ComplaintTable, RatingTable } from "@/components/statistics/rating-tables";
import { formatAverage, formatPeriod, formatShare, NONE, shortPeriod } from "@/components/statistics/format";
import { Data } from "@/components/ui/data";
import { Card, PageTitle } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";
import { listHref } from "@/components/ui/pager";
import { BREAKDOWN_COLUMNS, ratesOf } from "@/lib/domain/statistics/figures";
import { PERIOD_KINDS, type Period } from "@/lib/domain/statistics/period";
import { badRatings, complaintTotal, followUpsDecided, ratingRatesOf, ratingTotal } from "@/lib/domain/statistics/rating-figures";
import { requireArea } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { getSupervisionDashboard } from "@/lib/server/statistics/get-supervision-dashboard";
import { ZDashboardQuery } from "@/lib/server/statistics/schemas";

/** Items listed on the page; the CSV has every one. */
const ITEMS_SHOWN = 30;

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function SupervisionDashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("supervision", "/office/supervision/dashboard");
  const sp = await searchParams;
  const query = ZDashboardQuery.parse({ period: one(sp.period), on: one(sp.on) });
  const [t, tr, tf, tc, format, d] = await Promise.all([getTranslations("dashboard"), getTranslations("roles"), getTranslations("ratingFigures"), getTranslations("centres.figures"), getFormatter(), orAccessPage(getSupervisionDashboard({ actor, query }))]);
  const periodText = (p: Period) => formatPeriod(format, p, (from, to) => t("periodWeek", { from, to }));
  const href = (p: Period | null, extra: Record<string, string> = {}) => listHref("/office/supervision/dashboard", { period: d.period.kind, on: p?.from, ...extra });
  const csv = (by: string) => listHref("/office/supervision/dashboard.csv", { period: d.period.kind, on: d.period.from, by });
  const total = d.total.figures;
  const rates = ratesOf(total);
  const ofCount = (part: number, whole: number) => t("ofCount", { part: format.number(part), whole: format.number(whole) });
  const sectionLabel = (name: string | null) => (name ? <Data>{name}</Data> : t("noSection"));

  const summary: [string, React.ReactNode, string?][] = [
    [t("received"), format.number(total.received)],
    [t("accepted"), format.number(total.accepted)],
    [t("decided"), format.number(total.decided)],
    [t("issued"), format.number(total.issued)],
    [t("instantShare"), formatShare(format, rates.instantSameDayShare), ofCount(total.instantSameDay, total.instantReceived)],
    [t("onTimePromised"), formatShare(format, rates.onTimePromisedShare), ofCount(total.onTimePromised, total.decided)],
    [t("onTimeStatutory"), formatShare(format, rates.onTimeStatutoryShare), ofCount(total.onTimeStatutory, total.decided)],
    [
      t("daysUsed"),
      rates.averageDaysUsed === null
        ? NONE
        : t("daysUsedValue", { used: formatAverage(format, rates.averageDaysUsed), promised: formatAverage(format, rates.averagePromisedDays), statutory: formatAverage(format, rates.averageStatutoryDays) }),
    ],
    [t("compression"), formatShare(format, rates.compression)],
    [t("overdue"), t("overdueValue", { promised: format.number(d.total.watch.overduePromised), statutory: format.number(d.total.watch.overdueStatutory) })],
    [t("cards"), t("cardsValue", { yellow: format.number(d.total.watch.cardsYellow), red: format.number(d.total.watch.cardsRed) })],
    [t("openCards"), t("openCardsValue", { yellow: format.number(d.total.openCards.yellow), red: format.number(d.total.openCards.red) })],
  ];
  const sections = d.bySection.filter((s) => s.figures.received + s.figures.decided > 0);

  const ratings = d.ratings;
  const ratingCsv = (by: string) => listHref("/office/supervision/ratings.csv", { period: d.period.kind, on: d.period.from, by });
  const ratingRates = ratingRatesOf(ratings.total.ratings, ratings.total.followUps);
  const ratingCount = ratingTotal(ratings.total.ratings);
  const ofRatings = (part: number, whole: number) => tf("ofCount", { part: format.number(part), whole: format.number(whole) });
  const ratingSummary: [string, React.ReactNode, string?][] = [
    [tf("ratings"), format.number(ratingCount)],
    [tf("satisfiedShare"), formatShare(format, ratingRates.satisfiedShare), ofRatings(ratings.total.ratings.VERY_SATISFIED + ratings.total.ratings.SATISFIED, ratingCount)],
    [tf("badShare"), formatShare(format, ratingRates.badShare), ofRatings(badRatings(ratings.total.ratings), ratingCount)],
    [tf("followUpOnTime"), formatShare(format, ratingRates.followUpOnTimeShare), ofRatings(ratings.total.followUps.onTime, followUpsDecided(ratings.total.followUps))],
    [tf("followUpsOverdue"), format.number(ratings.total.followUps.openOverdue)],
    [tf("complaints"), format.number(complaintTotal(ratings.complaints.total)), tf("complaintsClosed", { closed: format.number(ratings.complaints.total.stages.CLOSED) })],
  ];
  const windowLabel = (w: string | null) => (w === null ? tf("online") : w === "" ? tf("noWindow") : <Data>{w}</Data>);

  return (
    <div className="flex flex-col gap-4" data-testid="supervision-dashboard">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3" data-testid="period-form">
          <div className="flex flex-col gap-1">
            <label htmlFor="period">{t("periodKind")}</label>
            <select id="period" name="period" defaultValue={d.period.kind} className="rounded border border-slate-500 bg-white px-3 py-2">
              {PERIOD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`periods.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="on">{t("on")}</label>
            <input id="on" name="on" type="date" defaultValue={d.anchor} max={d.today} className="rounded border border-slate-500 bg-white px-3 py-2" />
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
            {t("show")}
          </button>
        </form>
        <nav aria-label={t("periodNav")} className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
          <Link href={href(d.previous)} className="text-blue-800 underline" rel="prev">
            ← {t("previous")}
          </Link>
          {d.next && (
            <Link href={href(d.next)} className="text-blue-800 underline" rel="next">
              {t("next")} →
            </Link>
          )}
          {d.next && (
            <Link href={href(null)} className="text-blue-800 underline">
              {t("current")}
            </Link>
          )}
        </nav>
      </Card>

      <Card title={t("heading", { period: periodText(d.period) })}>
        <FigureSummary items={summary} testId="dashboard-summary" />
        <p className="mt-4 text-sm text-slate-700">{t("howCounted")}</p>
      </Card>

      <Card>
        <ChartWithTable
          caption={t("trendTitle")}
          categoryHeader={t("trendHeader")}
          categories={d.trend.map((p) => ({ label: shortPeriod(p.period) }))}
          series={[
            { name: t("columns.received"), values: d.trend.map((p) => p.figures.received) },
            { name: t("columns.decided"), values: d.trend.map((p) => p.figures.decided) },
          ]}
          format={(v) => (v === null ? NONE : format.number(v))}
          testId="trend-chart"
        />
      </Card>

      {sections.length > 0 && (
        <Card>
          <ChartWithTable
            caption={t("sectionChartTitle")}
            categoryHeader={t("section")}
            categories={sections.map((s) => ({ label: s.name ?? t("noSection"), data: s.name !== null }))}
            series={[
              { name: t("columns.received"), values: sections.map((s) => s.figures.received) },
              { name: t("columns.decided"), values: sections.map((s) => s.figures.decided) },
            ]}
            format={(v) => (v === null ? NONE : format.number(v))}
            horizontal
            testId="section-chart"
          />
        </Card>
      )}

      <Card title={t("bySection")}>
        <p className="mb-2">
          <a href={csv("section")} className="text-blue-800 underline" data-testid="csv-section">
            {t("csv")}
          </a>
        </p>
        {d.bySection.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <BreakdownTable
            caption={t("bySection")}
            labelHeaders={[t("section")]}
            columns={BREAKDOWN_COLUMNS.section}
            rows={d.bySection.map((s) => ({ key: s.id ?? "none", labels: [sectionLabel(s.name)], figures: s.figures, watch: s.watch }))}
            total={{ label: t("total"), figures: total, watch: d.total.watch }}
            testId="by-section"
          />
        )}
      </Card>

      <Card title={t("byItem")}>
        <p className="mb-2 flex flex-wrap gap-x-4">
          <span>{t("itemsShown", { shown: Math.min(ITEMS_SHOWN, d.byItem.length), total: d.byItem.length })}</span>
          <a href={csv("item")} className="text-blue-800 underline" data-testid="csv-item">
            {t("csv")}
          </a>
        </p>
        {d.byItem.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <BreakdownTable
            caption={t("byItem")}
            labelHeaders={[t("item"), t("section")]}
            columns={BREAKDOWN_COLUMNS.item}
            rows={d.byItem.slice(0, ITEMS_SHOWN).map((i) => ({
              key: i.id,
              labels: [
                <>
                  <Data>{i.name}</Data> <span className="block font-mono text-xs text-slate-700">{i.code}</span>
                </>,
                sectionLabel(i.sectionName),
              ],
              figures: i.figures,
              watch: i.watch,
            }))}
            testId="by-item"
          />
        )}
      </Card>

      <Card title={t("byStaff")}>
        <p className="mb-2 flex flex-wrap gap-x-4">
          <span>{t("staffNote")}</span>
          <a href={csv("staff")} className="text-blue-800 underline" data-testid="csv-staff">
            {t("csv")}
          </a>
        </p>
        {d.byStaff.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <BreakdownTable
            caption={t("byStaff")}
            labelHeaders={[t("staff"), t("role")]}
            columns={BREAKDOWN_COLUMNS.staff}
            rows={d.byStaff.map((u) => ({
              key: u.id,
              labels: [
                <>
                  <Data>{u.name}</Data> <span className="font-mono text-xs text-slate-700">({u.loginId})</span>
                </>,
                tr(u.role),
              ],
              figures: u.figures,
              watch: u.watch,
            }))}
            testId="by-staff"
          />
        )}
      </Card>

      {d.centres.length > 0 && (
        <Card title={tc("byCentre")}>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="by-centre">
              <caption className="sr-only">{tc("byCentre")}</caption>
              <TableHead columns={[tc("centre"), tc("received"), tc("accepted"), tc("decided")]} />
              <tbody>
                {d.centres.map((c) => (
                  <tr key={c.code} className="border-b border-slate-200">
                    <td className="py-2 pr-3">
                      <Data>{c.name}</Data>
                    </td>
                    <td className="py-2 pr-3">{format.number(c.received)}</td>
                    <td className="py-2 pr-3">{format.number(c.accepted)}</td>
                    <td className="py-2 pr-3">{format.number(c.decided)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      <Card title={tf("title", { period: periodText(d.period) })}>
        <FigureSummary items={ratingSummary} testId="rating-summary" />
        <p className="mt-4 text-sm text-slate-700">{tf("howCounted")}</p>
      </Card>

      <Card title={tf("bySection")}>
        <p className="mb-2">
          <a href={ratingCsv("section")} className="text-blue-800 underline" data-testid="rating-csv-section">
            {t("csv")}
          </a>
        </p>
        <RatingTable
          caption={tf("bySection")}
          labelHeaders={[t("section")]}
          rows={ratings.bySection.map((s) => ({ key: s.id ?? "none", labels: [sectionLabel(s.name)], value: s.row }))}
          total={{ label: t("total"), value: ratings.total }}
          testId="rating-by-section"
        />
      </Card>

      <Card title={tf("byItem")}>
        <p className="mb-2 flex flex-wrap gap-x-4">
          <span>{tf("itemsShown", { shown: Math.min(ITEMS_SHOWN, ratings.byItem.length), total: ratings.byItem.length })}</span>
          <a href={ratingCsv("item")} className="text-blue-800 underline" data-testid="rating-csv-item">
            {t("csv")}
          </a>
        </p>
        {ratings.byItem.length === 0 ? (
          <p>{tf("empty")}</p>
        ) : (
          <RatingTable
            caption={tf("byItem")}
            labelHeaders={[t("item"), t("section")]}
            rows={ratings.byItem.slice(0, ITEMS_SHOWN).map((i) => ({
              key: i.id,
              labels: [
                <>
                  <Data>{i.name}</Data> <span className="block font-mono text-xs text-slate-700">{i.code}</span>
                </>,
                sectionLabel(i.sectionName),
              ],
              value: i.row,
            }))}
            testId="rating-by-item"
          />
        )}
      </Card>

      <Card title={tf("byWindow")}>
        <p className="mb-2 flex flex-wrap gap-x-4">
          <span>{tf("windowNote")}</span>
          <a href={ratingCsv("window")} className="text-blue-800 underline" data-testid="rating-csv-window">
            {t("csv")}
          </a>
        </p>
        {ratings.byWindow.length === 0 ? (
          <p>{tf("empty")}</p>
        ) : (
          <RatingTable
            caption={tf("byWindow")}
            labelHeaders={[tf("window")]}
            rows={ratings.byWindow.map((w) => ({ key: w.window ?? "online", labels: [windowLabel(w.window)], value: w.row }))}
            total={{ label: t("total"), value: ratings.total }}
            testId="rating-by-window"
          />
        )}
      </Card>

      <Card title={tf("byStaff")}>
        <p className="mb-2 flex flex-wrap gap-x-4">
          <span>{tf("staffNote")}</span>
          <a href={ratingCsv("staff")} className="text-blue-800 underline" data-testid="rating-csv-staff">
            {t("csv")}
          </a>
        </p>
        {ratings.byStaff.length === 0 ? (
          <p>{tf("empty")}</p>
        ) : (
          <RatingTable
            caption={tf("byStaff")}
            labelHeaders={[t("staff"), t("role")]}
            rows={ratings.byStaff.map((u) => ({
              key: u.id ?? "none",
              labels: u.id
                ? [
                    <>
                      <Data>{u.name}</Data> <span className="font-mono text-xs text-slate-700">({u.loginId})</span>
                    </>,
                    u.role ? tr(u.role) : "",
                  ]
                : [tf("noStaff"), ""],
              value: u.row,
            }))}
            total={{ label: t("total"), value: ratings.total }}
            testId="rating-by-staff"
          />
        )}
      </Card>

      <Card title={tf("complaintsBySection")}>
        <p className="mb-2">{tf("complaintsNote")}</p>
        <ComplaintTable
          caption={tf("complaintsBySection")}
          labelHeaders={[t("section")]}
          rows={ratings.complaints.bySection.map((s) => ({ key: s.id ?? "none", labels: [s.name ? <Data>{s.name}</Data> : tf("unassigned")], value: s.complaints }))}
          total={{ label: t("total"), value: ratings.complaints.total }}
          testId="complaints-by-section"
        />
      </Card>
    </div>
  );
}
