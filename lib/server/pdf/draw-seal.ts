// Draws the bureau's round red seal into a pdfkit page as vector graphics, from the same geometry as the SVG seal.
import "server-only";
import { SEAL_RED, sealGeometry } from "@/lib/domain/seals/seal-image";

export type DrawSealOptions = {
  name: string;
  subtitle?: string;
  /** Top-left corner of the seal's square, in pdfkit coordinates (points, y down). */
  x: number;
  y: number;
  /** Side of the square the seal fills, in points. */
  size: number;
  /** A font registered with `doc.registerFont` that has the seal's characters (the bold Noto Sans SC). */
  font: string;
};

/**
 * Draws the seal inside the square (x, y, size, size). The geometry is computed in the square's own
 * coordinates and moved there with one translate, so the numbers match `sealSvg` exactly.
 * Graphics state (colour, line width, transforms) and the text cursor are restored afterwards.
 */
export function drawSeal(doc: PDFKit.PDFDocument, opts: DrawSealOptions): void {
  const g = sealGeometry({ name: opts.name, subtitle: opts.subtitle, size: opts.size });
  const cursor = { x: doc.x, y: doc.y };

  doc.save();
  doc.translate(opts.x, opts.y);
  doc.lineWidth(g.ring.strokeWidth).circle(g.center.x, g.center.y, g.ring.radius).stroke(SEAL_RED);
  doc.polygon(...g.star.points.map((p): [number, number] => [p.x, p.y])).fill(SEAL_RED);

  doc.fillColor(SEAL_RED).font(opts.font);
  for (const glyph of g.name.glyphs) {
    doc.save();
    // pdfkit's rotate is clockwise in its y-down space, like SVG's, so the angle carries over as is.
    doc.rotate(glyph.rotation, { origin: [glyph.x, glyph.y] });
    centredText(doc, glyph.char, glyph.x, glyph.y, g.name.fontSize);
    doc.restore();
  }
  if (g.subtitle) centredText(doc, g.subtitle.text, g.subtitle.x, g.subtitle.y, g.subtitle.fontSize);
  doc.restore();

  // text() moves pdfkit's cursor; the seal is an overlay and must not shift the caller's flow.
  doc.x = cursor.x;
  doc.y = cursor.y;
}

/**
 * Writes `text` with its em box centred on (cx, cy). pdfkit places text from the top-left of the
 * line; "svg-central" puts the middle of ascender and descender on y, the same rule as the SVG's
 * dominant-baseline="central", so PDF and web seals line up (half the font size would sit a little low
 * with Noto's tall ascender).
 */
function centredText(doc: PDFKit.PDFDocument, text: string, cx: number, cy: number, fontSize: number): void {
  doc.fontSize(fontSize);
  const width = doc.widthOfString(text);
  doc.text(text, cx - width / 2, cy, { lineBreak: false, baseline: "svg-central" });
}
