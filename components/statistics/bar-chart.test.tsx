// The server-drawn chart: an SVG with Chinese labels marked as Chinese and no hover styles, hidden
// from assistive technology, and a table beside it with the same numbers.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartWithTable, renderBarChart } from "./bar-chart";

describe("charts", () => {
  it("draws an SVG whose Chinese labels carry lang=zh-CN", () => {
    const svg = renderBarChart({ categories: ["市场准入审批科", "2026-11"], series: [{ name: "Received", values: [3, 5] }], horizontal: true });
    expect(svg.startsWith('<svg width="100%"')).toBe(true);
    expect(svg).not.toContain("<style");
    expect(svg).toMatch(/<text[^>]*lang="zh-CN"[^>]*>市场准入审批科<\/text>/);
    expect(svg).not.toMatch(/lang="zh-CN"[^>]*>2026-11</);
  });

  it("puts the numbers in a table beside the hidden picture", () => {
    const html = renderToStaticMarkup(
      <ChartWithTable caption="By section" categoryHeader="Section" categories={[{ label: "市场准入审批科", data: true }, { label: "No section" }]} series={[{ name: "Received", values: [3, null] }]} format={(v) => (v === null ? "—" : String(v))} />,
    );
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('<figcaption class="font-semibold lg:col-span-2">By section</figcaption>');
    expect(html).toMatch(/<th scope="row"[^>]*><span lang="zh-CN">市场准入审批科<\/span><\/th><td[^>]*>3<\/td>/);
    expect(html).toMatch(/No section<\/th><td[^>]*>—<\/td>/);
  });
});
