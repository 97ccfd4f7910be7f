import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SEAL_FONT_FAMILY, SEAL_NAME_MAX_LENGTH, SEAL_RED, SealImageError, sealGeometry, sealSvg, type SealGeometry } from "./seal-image";

const NAME = "广安市广安区行政审批局";

/**
 * Well-formed enough: one root, every tag closed in order, no raw "<" or stray "&" in text or
 * attribute values. (No XML parser is a dependency; this is the part of well-formedness that
 * string building can get wrong.)
 */
function assertWellFormed(svg: string): void {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const between = svg.slice(last, m.index);
    expect(between, `text before ${m[0]}`).not.toMatch(/[<>]/);
    expect(between.replace(/&(amp|lt|gt|quot|apos);/g, ""), `text before ${m[0]}`).not.toContain("&");
    expect(m[3].replace(/&(amp|lt|gt|quot|apos);/g, ""), `attributes of ${m[0]}`).not.toContain("&");
    const [, closing, name, , selfClosing] = m;
    if (closing) expect(stack.pop(), `closing ${name}`).toBe(name);
    else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    last = tag.lastIndex;
  }
  expect(svg.slice(last)).toBe("");
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  expect(svg.startsWith("<svg ")).toBe(true);
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** Rotated em box of a glyph, as four corners. */
function corners(x: number, y: number, size: number, rotationDeg: number): [number, number][] {
  const a = (rotationDeg * Math.PI) / 180;
  const h = size / 2;
  return [
    [-h, -h],
    [h, -h],
    [h, h],
    [-h, h],
  ].map(([dx, dy]) => [x + dx * Math.cos(a) - dy * Math.sin(a), y + dx * Math.sin(a) + dy * Math.cos(a)]);
}

/** Separating-axis test for two convex polygons; touching counts as clear. */
function overlaps(a: [number, number][], b: [number, number][]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const project = (q: [number, number][]) => q.map(([x, y]) => x * (y2 - y1) + y * (x1 - x2));
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

const distance = (g: SealGeometry, [x, y]: [number, number]) => Math.hypot(x - g.center.x, y - g.center.y);

describe("seal geometry", () => {
  const g = sealGeometry({ name: NAME });

  it("centres a ring in the canvas, inside it", () => {
    expect(g.size).toBe(200);
    expect(g.center).toEqual({ x: 100, y: 100 });
    expect(g.ring.radius + g.ring.strokeWidth / 2).toBeLessThan(100);
    expect(g.ring.strokeWidth).toBeGreaterThan(0);
    expect(g.color).toBe(SEAL_RED);
    expect(g.fontFamily).toBe(SEAL_FONT_FAMILY);
  });

  it("draws a regular five-pointed star of ten points, pointing up", () => {
    expect(g.star.points).toHaveLength(10);
    g.star.points.forEach((p, k) => {
      expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(k % 2 === 0 ? g.star.outerRadius : g.star.innerRadius, 9);
    });
    expect(g.star.points[0].x).toBeCloseTo(100, 9);
    expect(g.star.points[0].y).toBeCloseTo(100 - g.star.outerRadius, 9);
    // Regular pentagram: the inner point between the top and right tips (k = 1) is where the edge
    // top → lower right (k = 0 → 4) crosses the edge right → upper left (k = 2 → 8).
    const p = g.star.points;
    const cross = (a: (typeof p)[number], b: (typeof p)[number], c: (typeof p)[number]) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    expect(cross(p[0], p[4], p[1])).toBeCloseTo(0, 9);
    expect(cross(p[2], p[8], p[1])).toBeCloseTo(0, 9);
  });

  it("places one glyph per name character, in reading order", () => {
    expect(g.name.glyphs.map((c) => c.char).join("")).toBe(NAME);
  });

  it("spreads a full-length name over 240° from the lower left, clockwise to the lower right", () => {
    const first = g.name.glyphs[0];
    const last = g.name.glyphs[g.name.glyphs.length - 1];
    expect(first.rotation).toBeCloseTo(-120, 9);
    expect(last.rotation).toBeCloseTo(120, 9);
    expect(first.x).toBeLessThan(100);
    expect(first.y).toBeGreaterThan(100); // lower half (y points down)
    const rotations = g.name.glyphs.map((c) => c.rotation);
    expect(rotations).toEqual([...rotations].sort((a, b) => a - b));
  });

  it("mirrors the name around the vertical axis (property over 1–30 characters)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."广安市区行政审批局四川省务服管理综合窗口专用ABC&<"), minLength: 1, maxLength: SEAL_NAME_MAX_LENGTH }), (name) => {
        const geo = sealGeometry({ name });
        const glyphs = geo.name.glyphs;
        expect(glyphs).toHaveLength([...name].length);
        for (let i = 0; i < glyphs.length; i++) {
          const a = glyphs[i];
          const b = glyphs[glyphs.length - 1 - i];
          expect(a.x - 100).toBeCloseTo(100 - b.x, 9);
          expect(a.y).toBeCloseTo(b.y, 9);
          expect(a.rotation).toBeCloseTo(-b.rotation, 9);
          expect(Math.hypot(a.x - 100, a.y - 100)).toBeCloseTo(geo.name.radius, 9);
        }
      }),
    );
  });

  it("keeps every glyph inside the ring and clear of its neighbours, 1–30 characters", () => {
    for (let n = 1; n <= SEAL_NAME_MAX_LENGTH; n++) {
      const geo = sealGeometry({ name: "审".repeat(n) });
      const inner = geo.ring.radius - geo.ring.strokeWidth / 2;
      expect(geo.name.fontSize, `n=${n}`).toBeGreaterThan(0);
      for (const c of geo.name.glyphs) {
        for (const corner of corners(c.x, c.y, geo.name.fontSize, c.rotation)) expect(distance(geo, corner), `n=${n}`).toBeLessThan(inner);
      }
      for (let i = 1; i < geo.name.glyphs.length; i++) {
        const [a, b] = [geo.name.glyphs[i - 1], geo.name.glyphs[i]];
        expect(Math.hypot(a.x - b.x, a.y - b.y), `n=${n}`).toBeGreaterThanOrEqual(geo.name.fontSize);
      }
      expect(Math.max(...geo.name.glyphs.map((c) => Math.abs(c.rotation))), `n=${n}`).toBeLessThanOrEqual(120 + 1e-9);
    }
  });

  it("does not stretch a short name over the whole arc", () => {
    const geo = sealGeometry({ name: "广安" });
    expect(geo.name.glyphs.map((c) => c.rotation)).toEqual([-15, 15]);
    const one = sealGeometry({ name: "审" });
    expect(one.name.glyphs[0]).toMatchObject({ x: 100, rotation: 0 });
    expect(one.name.glyphs[0].y).toBeLessThan(100);
  });

  it("sets the subtitle centred below the star, inside the ring and clear of the name", () => {
    const sub = g.subtitle!;
    expect(sub.text).toBe("审批专用章");
    expect(sub.x).toBe(100);
    const starBottom = Math.max(...g.star.points.map((p) => p.y));
    expect(sub.y - sub.fontSize / 2).toBeGreaterThan(starBottom);
    const inner = g.ring.radius - g.ring.strokeWidth / 2;
    const half = (sub.fontSize * [...sub.text].length) / 2;
    for (const corner of [
      [sub.x - half, sub.y + sub.fontSize / 2],
      [sub.x + half, sub.y + sub.fontSize / 2],
    ] as [number, number][]) {
      expect(distance(g, corner)).toBeLessThan(inner);
    }
  });

  it("keeps the subtitle's box clear of every name glyph's box, 1–30 characters", () => {
    for (let n = 1; n <= SEAL_NAME_MAX_LENGTH; n++) {
      const geo = sealGeometry({ name: "审".repeat(n) });
      const sub = geo.subtitle!;
      const half = (sub.fontSize * [...sub.text].length) / 2;
      const [top, bottom] = [sub.y - sub.fontSize / 2, sub.y + sub.fontSize / 2];
      const box: [number, number][] = [
        [sub.x - half, top],
        [sub.x + half, top],
        [sub.x + half, bottom],
        [sub.x - half, bottom],
      ];
      expect(overlaps(box, corners(sub.x - half, top, geo.name.fontSize, 45))).toBe(true); // the test can fail
      for (const c of geo.name.glyphs) expect(overlaps(box, corners(c.x, c.y, geo.name.fontSize, c.rotation)), `n=${n}`).toBe(false);
    }
  });

  it("shrinks a long subtitle to fit and leaves out an empty one", () => {
    const long = sealGeometry({ name: NAME, subtitle: "行政审批专用章审批专用章" });
    const inner = long.ring.radius - long.ring.strokeWidth / 2;
    const half = (long.subtitle!.fontSize * 12) / 2;
    expect(distance(long, [100 + half, long.subtitle!.y + long.subtitle!.fontSize / 2])).toBeLessThan(inner);
    expect(sealGeometry({ name: NAME, subtitle: "" }).subtitle).toBeNull();
  });

  it("scales with the size", () => {
    const big = sealGeometry({ name: NAME, size: 600 });
    expect(big.ring.radius).toBeCloseTo(g.ring.radius * 3, 9);
    expect(big.name.fontSize).toBeCloseTo(g.name.fontSize * 3, 9);
    expect(big.star.points[3].x).toBeCloseTo(g.star.points[3].x * 3, 9);
  });

  it("refuses names, subtitles and sizes it cannot draw", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof SealImageError ? e.code : String(e);
      }
      return undefined;
    };
    expect(code(() => sealGeometry({ name: "" }))).toBe("SEAL_NAME_INVALID");
    expect(code(() => sealGeometry({ name: "   " }))).toBe("SEAL_NAME_INVALID");
    expect(code(() => sealGeometry({ name: "审".repeat(SEAL_NAME_MAX_LENGTH + 1) }))).toBe("SEAL_NAME_INVALID");
    expect(code(() => sealGeometry({ name: "广安\u200b审批局" }))).toBe("SEAL_NAME_INVALID");
    expect(code(() => sealGeometry({ name: NAME, subtitle: "审".repeat(13) }))).toBe("SEAL_SUBTITLE_INVALID");
    expect(code(() => sealGeometry({ name: NAME, size: 0 }))).toBe("SEAL_SIZE_INVALID");
    expect(code(() => sealGeometry({ name: NAME, size: Number.NaN }))).toBe("SEAL_SIZE_INVALID");
    expect(code(() => sealGeometry({ name: NAME, size: 10_000 }))).toBe("SEAL_SIZE_INVALID");
  });

  it("counts characters outside the BMP once", () => {
    expect(sealGeometry({ name: "𠀀安审批局" }).name.glyphs.map((c) => c.char)).toEqual(["𠀀", "安", "审", "批", "局"]);
  });
});

describe("seal SVG", () => {
  it("is one well-formed <svg> with a <text> per name character plus the subtitle", () => {
    const svg = sealSvg({ name: NAME });
    assertWellFormed(svg);
    expect(count(svg, /<svg[\s>]/g)).toBe(1);
    expect(count(svg, /<text[\s>]/g)).toBe([...NAME].length + 1);
    expect(count(svg, /<circle[\s>]/g)).toBe(1);
    expect(count(svg, /<polygon[\s>]/g)).toBe(1);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('viewBox="0 0 200 200"');
    expect(svg).toContain(`fill="${SEAL_RED}"`);
    expect(svg).toContain(`stroke="${SEAL_RED}"`);
    expect(svg).toContain('font-family="&quot;Noto Sans SC&quot;, &quot;Noto Sans CJK SC&quot;, sans-serif"');
    expect(svg).toContain(">审批专用章</text>");
  });

  it("is drawn from the geometry: positions, rotations and star points match", () => {
    const g = sealGeometry({ name: NAME });
    const svg = sealSvg({ name: NAME });
    const texts = [...svg.matchAll(/<text x="([^"]+)" y="([^"]+)" font-size="([^"]+)"[^>]*?(?: transform="rotate\(([^ ]+) [^"]*\)")?>([^<]*)<\/text>/g)];
    expect(texts).toHaveLength(g.name.glyphs.length + 1);
    g.name.glyphs.forEach((c, i) => {
      const [, x, y, size, rotation, char] = texts[i];
      expect(Number(x)).toBeCloseTo(c.x, 2);
      expect(Number(y)).toBeCloseTo(c.y, 2);
      expect(Number(size)).toBeCloseTo(g.name.fontSize, 2);
      expect(Number(rotation ?? 0)).toBeCloseTo(c.rotation, 2);
      expect(char).toBe(c.char);
    });
    const points = /<polygon points="([^"]+)"/.exec(svg)![1].split(" ").map((p) => p.split(",").map(Number));
    expect(points).toHaveLength(10);
    points.forEach(([x, y], k) => {
      expect(x).toBeCloseTo(g.star.points[k].x, 2);
      expect(y).toBeCloseTo(g.star.points[k].y, 2);
    });
  });

  it("escapes XML in the name and subtitle", () => {
    const svg = sealSvg({ name: `A&B<"Co">'`, subtitle: "R&D" });
    assertWellFormed(svg);
    expect(svg).toContain(">&amp;</text>");
    expect(svg).toContain(">&lt;</text>");
    expect(svg).toContain(">&quot;</text>");
    expect(svg).toContain(">&apos;</text>");
    expect(svg).toContain(">R&amp;D</text>");
    expect(svg).toContain('aria-label="A&amp;B&lt;&quot;Co&quot;&gt;&apos; R&amp;D"');
    expect(count(svg, /<text[\s>]/g)).toBe(10 + 1);
  });

  it("works for every name length from 1 to 30 (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."广安市区行政审批局&<>\"'ABC𠀀"), minLength: 1, maxLength: SEAL_NAME_MAX_LENGTH }),
        fc.option(fc.string({ unit: fc.constantFrom(..."审批专用章&<"), minLength: 1, maxLength: 12 }), { nil: undefined }),
        (name, subtitle) => {
          const svg = sealSvg({ name, subtitle });
          assertWellFormed(svg);
          expect(count(svg, /<text[\s>]/g)).toBe([...name].length + 1);
        },
      ),
    );
  });

  it("has no subtitle element when the subtitle is empty", () => {
    const svg = sealSvg({ name: NAME, subtitle: "" });
    assertWellFormed(svg);
    expect(count(svg, /<text[\s>]/g)).toBe([...NAME].length);
  });

  it("writes short numbers without float noise", () => {
    expect(sealSvg({ name: NAME })).not.toMatch(/\d\.\d{3,}/);
    expect(sealSvg({ name: NAME })).not.toMatch(/-0[ ,"]/);
  });
});
