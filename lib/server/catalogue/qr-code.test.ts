// The guide QR codes decode back to exactly the URL they were made from.
import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { readQrPng } from "../../../tests/support/decode";
import { renderQrPng, renderQrSvg } from "./qr-code";

const GUIDE_URL = "http://localhost:3000/items/511A0141700000-511602000000-000-115113016823646795-1-00?version=3&from=slip";

describe("renderQrPng", () => {
  it("decodes to exactly the given URL, path and query included", async () => {
    expect(readQrPng(await renderQrPng(GUIDE_URL)).data).toBe(GUIDE_URL);
  });

  it("honours the requested size and still decodes when small", async () => {
    const { width, height, data } = readQrPng(await renderQrPng(GUIDE_URL, { size: 200 }));
    expect([width, height]).toEqual([200, 200]);
    expect(data).toBe(GUIDE_URL);
  });

  it("keeps a white quiet zone around the symbol", async () => {
    const image = PNG.sync.read(await renderQrPng(GUIDE_URL, { size: 300 }));
    const edge = [0, 1, 2, image.width - 1, image.width - 2].flatMap((x) =>
      Array.from({ length: image.height }, (_, y) => image.data[(y * image.width + x) * 4]),
    );
    expect(edge.every((red) => red === 255)).toBe(true);
  });

  it("rejects absurd sizes", async () => {
    await expect(renderQrPng(GUIDE_URL, { size: 10 })).rejects.toThrow(RangeError);
  });
});

describe("renderQrSvg", () => {
  it("is an <svg> document with a viewBox", async () => {
    const svg = await renderQrSvg(GUIDE_URL);
    expect(svg.trimStart().startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
  });
});
