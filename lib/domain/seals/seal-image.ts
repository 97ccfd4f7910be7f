// The bureau's seal drawn as vector graphics from its name: one geometry for both the SVG here and pdfkit on the server.

/** Official seal red; a touch darker than pure red so it prints as red rather than orange. */
export const SEAL_RED = "#d21f1f";

export const SEAL_FONT_FAMILY = `"Noto Sans SC", "Noto Sans CJK SC", sans-serif`;

export const SEAL_NAME_MAX_LENGTH = 30;
export const SEAL_SUBTITLE_MAX_LENGTH = 12;
export const SEAL_MIN_SIZE = 16;
export const SEAL_MAX_SIZE = 4096;

/** Widest arc the name may cover, centred on the top; the gap below holds the subtitle. */
const NAME_ARC_DEGREES = 240;
/** Short names are not stretched to the full arc: real seals keep their characters close together. */
const MAX_STEP_DEGREES = 30;

export type SealImageErrorCode = "SEAL_NAME_INVALID" | "SEAL_SUBTITLE_INVALID" | "SEAL_SIZE_INVALID";

export class SealImageError extends Error {
  constructor(
    readonly code: SealImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SealImageError";
  }
}

export type SealPoint = { x: number; y: number };

/**
 * One character of the name. (x, y) is the centre of the character's em box; `rotation` is in
 * degrees clockwise (y points down, as in SVG and pdfkit), 0 at the top of the seal, so the
 * character's top faces outwards.
 */
export type SealGlyph = { char: string; x: number; y: number; rotation: number };

export type SealGeometry = {
  size: number;
  color: string;
  fontFamily: string;
  center: SealPoint;
  /** The ring is stroked along `radius`, so its outer edge lies at radius + strokeWidth / 2. */
  ring: { radius: number; strokeWidth: number };
  /** Ten points, outer and inner alternating, clockwise from the top point. */
  star: { outerRadius: number; innerRadius: number; points: SealPoint[] };
  name: { fontSize: number; radius: number; glyphs: SealGlyph[] };
  /** Centre of the subtitle line, written horizontally; null when there is no subtitle. */
  subtitle: { text: string; x: number; y: number; fontSize: number } | null;
};

export type SealImageOptions = { name: string; subtitle?: string; size?: number };

// Control and format characters draw nothing and would shift the spacing of the others.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

function chars(text: string): string[] {
  return [...text];
}

/**
 * The numbers of the seal: a ring, a five-pointed star in the centre, the name along the upper
 * arc reading clockwise from lower left to lower right, and the subtitle horizontally below the
 * star. Proportions follow the usual round official seal (star about a third of the radius, name
 * characters about 15 % of the diameter, shrunk when a long name would make them touch).
 */
export function sealGeometry({ name, subtitle = "审批专用章", size = 200 }: SealImageOptions): SealGeometry {
  const nameText = typeof name === "string" ? name.trim() : "";
  const nameChars = chars(nameText);
  if (nameChars.length === 0 || nameChars.length > SEAL_NAME_MAX_LENGTH || INVISIBLE.test(nameText)) {
    throw new SealImageError("SEAL_NAME_INVALID", `Seal name must have 1–${SEAL_NAME_MAX_LENGTH} visible characters: ${JSON.stringify(name)}`);
  }
  const subtitleText = typeof subtitle === "string" ? subtitle.trim() : null;
  if (subtitleText === null || chars(subtitleText).length > SEAL_SUBTITLE_MAX_LENGTH || INVISIBLE.test(subtitleText)) {
    throw new SealImageError("SEAL_SUBTITLE_INVALID", `Seal subtitle must have at most ${SEAL_SUBTITLE_MAX_LENGTH} characters: ${JSON.stringify(subtitle)}`);
  }
  if (!Number.isFinite(size) || size < SEAL_MIN_SIZE || size > SEAL_MAX_SIZE) {
    throw new SealImageError("SEAL_SIZE_INVALID", `Seal size must be between ${SEAL_MIN_SIZE} and ${SEAL_MAX_SIZE}: ${size}`);
  }

  const center = { x: size / 2, y: size / 2 };
  const strokeWidth = size * 0.035;
  // A small margin keeps the ring's outer edge inside the canvas, where anti-aliasing can reach it.
  const ringRadius = size / 2 - strokeWidth / 2 - size * 0.01;
  const inner = ringRadius - strokeWidth / 2;
  const gap = size * 0.02;

  // Star: a regular pentagram, whose inner radius is R·sin 18° / sin 54° (≈ 0.382 R).
  const outerRadius = ringRadius / 3;
  const innerRadius = (outerRadius * Math.sin(Math.PI / 10)) / Math.sin((3 * Math.PI) / 10);
  const points: SealPoint[] = [];
  for (let k = 0; k < 10; k++) {
    const angle = (k * Math.PI) / 5; // clockwise from the top
    const r = k % 2 === 0 ? outerRadius : innerRadius;
    points.push({ x: center.x + r * Math.sin(angle), y: center.y - r * Math.cos(angle) });
  }

  // Name: spread symmetrically around the top. The font size is chosen on the arc the largest
  // font would sit on; a smaller font sits further out, where the characters are further apart.
  const n = nameChars.length;
  const step = n > 1 ? Math.min(NAME_ARC_DEGREES / (n - 1), MAX_STEP_DEGREES) : 0;
  const maxFont = size * 0.15;
  const chordAt = (radius: number) => (n > 1 ? 2 * radius * Math.sin(((step / 2) * Math.PI) / 180) : Number.POSITIVE_INFINITY);
  const fontSize = Math.min(maxFont, 0.92 * chordAt(inner - gap - maxFont / 2));
  const nameRadius = inner - gap - fontSize / 2;
  const glyphs: SealGlyph[] = nameChars.map((char, i) => {
    const rotation = n > 1 ? -((n - 1) * step) / 2 + i * step : 0;
    const angle = (rotation * Math.PI) / 180;
    return { char, x: center.x + nameRadius * Math.sin(angle), y: center.y - nameRadius * Math.cos(angle), rotation };
  });

  // Subtitle: a line below the star, shrunk to fit the chord of the circle at its lower edge.
  let subtitleGeometry: SealGeometry["subtitle"] = null;
  if (subtitleText) {
    const count = chars(subtitleText).length;
    const offset = ringRadius * 0.58;
    const baseFont = size * 0.085;
    const halfChord = Math.sqrt(Math.max(0, inner * inner - (offset + baseFont / 2) ** 2));
    const subtitleFont = Math.min(baseFont, (2 * halfChord * 0.85) / count);
    subtitleGeometry = { text: subtitleText, x: center.x, y: center.y + offset, fontSize: subtitleFont };
  }

  return {
    size,
    color: SEAL_RED,
    fontFamily: SEAL_FONT_FAMILY,
    center,
    ring: { radius: ringRadius, strokeWidth },
    star: { outerRadius, innerRadius, points },
    name: { fontSize, radius: nameRadius, glyphs },
    subtitle: subtitleGeometry,
  };
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Two decimals are far below a printer dot at any seal size, and keep the SVG short. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100 || 0);
}

/**
 * The seal as a standalone SVG document, drawn from `sealGeometry` alone. Each name character is its
 * own `<text>` rotated about its centre; `dominant-baseline="central"` puts the em box's centre on (x, y).
 */
export function sealSvg(options: SealImageOptions): string {
  const g = sealGeometry(options);
  const label = g.subtitle ? `${g.name.glyphs.map((c) => c.char).join("")} ${g.subtitle.text}` : g.name.glyphs.map((c) => c.char).join("");
  const text = (x: number, y: number, fontSize: number, content: string, rotation?: number) =>
    // dominant-baseline sits on each <text>: SVG 1.1 renderers do not inherit it from the group.
    `<text x="${num(x)}" y="${num(y)}" font-size="${num(fontSize)}" dominant-baseline="central"${rotation ? ` transform="rotate(${num(rotation)} ${num(x)} ${num(y)})"` : ""}>${xml(content)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(g.size)}" height="${num(g.size)}" viewBox="0 0 ${num(g.size)} ${num(g.size)}" role="img" aria-label="${xml(label)}">`,
    `<g fill="${g.color}" font-family="${xml(g.fontFamily)}" font-weight="bold" text-anchor="middle">`,
    `<circle cx="${num(g.center.x)}" cy="${num(g.center.y)}" r="${num(g.ring.radius)}" fill="none" stroke="${g.color}" stroke-width="${num(g.ring.strokeWidth)}"/>`,
    `<polygon points="${g.star.points.map((p) => `${num(p.x)},${num(p.y)}`).join(" ")}"/>`,
    ...g.name.glyphs.map((c) => text(c.x, c.y, g.name.fontSize, c.char, c.rotation)),
    ...(g.subtitle ? [text(g.subtitle.x, g.subtitle.y, g.subtitle.fontSize, g.subtitle.text)] : []),
    `</g>`,
    `</svg>`,
  ];
  return parts.join("");
}
