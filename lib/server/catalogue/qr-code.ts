// QR codes that lead to an item's public guide: PNG for printed slips, SVG for web pages.
import "server-only";
import QRCode from "qrcode";

// M recovers about 15% damage: enough for a slip that was folded or stamped over, while keeping
// long guide URLs (implementation codes run to 60 characters) at a scannable module size.
// A margin of 4 modules is the quiet zone ISO/IEC 18004 asks for; phone scanners miss codes without it.
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

const DEFAULT_PNG_SIZE = 512;

/** A PNG of `size`×`size` pixels (quiet zone included), black on white. */
export async function renderQrPng(url: string, opts: { size?: number } = {}): Promise<Buffer> {
  const size = opts.size ?? DEFAULT_PNG_SIZE;
  if (!Number.isInteger(size) || size < 64 || size > 4096) {
    throw new RangeError(`QR code size must be an integer between 64 and 4096 pixels, got ${size}`);
  }
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: "png", width: size });
}

/** A standalone <svg> document that scales to its container (it has a viewBox). */
export async function renderQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: "svg" });
}
