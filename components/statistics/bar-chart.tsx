// A bar chart drawn on the server (ECharts to SVG: no chart code goes to the browser), with the same
// numbers as a real table beside it — the table is what screen readers read; the picture is hidden
// from them.
import * as echarts from "echarts/core";
import { BarChart as EBarChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { Data } from "@/components/ui/data";

echarts.use([EBarChart, GridComponent, LegendComponent, SVGRenderer]);

const HAN = /\p{Script=Han}/u;
// The bureau's red, then colours that keep 3:1 against white.
const COLOURS = ["#9f1d20", "#1d4ed8", "#15803d", "#a16207"];

export type ChartSeries = { name: string; values: (number | null)[] };

/** The chart as an SVG string; labels in Chinese (data such as section names) are marked as Chinese. */
export function renderBarChart(opts: { categories: string[]; series: ChartSeries[]; horizontal?: boolean; width?: number; height?: number; percent?: boolean }): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? (opts.horizontal ? Math.max(220, 60 + opts.categories.length * 28 * Math.max(1, opts.series.length * 0.7)) : 300);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  const category = { type: "category" as const, data: opts.categories, axisLabel: { interval: 0, rotate: !opts.horizontal && opts.categories.length > 8 ? 45 : 0 }, inverse: opts.horizontal };
  const value = { type: "value" as const, minInterval: opts.percent ? undefined : 1, max: opts.percent ? 100 : undefined };
  chart.setOption({
    animation: false,
    aria: { enabled: false },
    color: COLOURS,
    textStyle: { fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif", color: "#334155" },
    legend: { top: 0, itemGap: 16 },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? category : value,
    series: opts.series.map((s) => ({ type: "bar", name: s.name, data: s.values.map((v) => (v === null ? "-" : v)), barMaxWidth: 28 })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg
    // Hover styles mean nothing without the chart's script.
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/^<svg width="(\d+)" height="(\d+)"/, `<svg width="100%" style="max-width:$1px;height:auto" focusable="false"`)
    .replace(/<text([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, text: string) => (HAN.test(text) ? `<text${attrs} lang="zh-CN">${text}</text>` : whole));
}

/**
 * A chart and its table. `categories` name the rows (marked as data when they are names);
 * `format` writes a value as the table shows it.
 */
export function ChartWithTable(props: {
  caption: string;
  categoryHeader: string;
  categories: { label: string; data?: boolean }[];
  series: ChartSeries[];
  format: (value: number | null) => string;
  horizontal?: boolean;
  percent?: boolean;
  testId?: string;
}) {
  const svg = renderBarChart({ categories: props.categories.map((c) => c.label), series: props.series, horizontal: props.horizontal, percent: props.percent });
  return (
    <figure className="grid gap-4 lg:grid-cols-[3fr_2fr]" data-testid={props.testId}>
      <figcaption className="font-semibold lg:col-span-2">{props.caption}</figcaption>
      {/* The picture repeats the table beside it, so assistive technology reads the table instead. */}
      <div aria-hidden="true" className="min-w-0" dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label={props.caption}>
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">
                {props.categoryHeader}
              </th>
              {props.series.map((s) => (
                <th key={s.name} scope="col" className="py-1 pr-3 text-right">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.categories.map((c, i) => (
              <tr key={`${c.label}-${i}`} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {c.data ? <Data>{c.label}</Data> : c.label}
                </th>
                {props.series.map((s) => (
                  <td key={s.name} className="py-1 pr-3 text-right tabular-nums">
                    {props.format(s.values[i] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
