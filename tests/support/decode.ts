// Reads back what the portal renders: QR codes in PNG images and the text of PDFs (for tests).
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { extractText, getDocumentProxy } from "unpdf";

/** A PNG's size and the text of the QR code in it (null when none is found). */
export function readQrPng(png: Buffer | Uint8Array): { width: number; height: number; data: string | null } {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, data: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null };
}

/** The text a QR code in a PNG holds, or null when no code is found. */
export function decodeQrPng(png: Buffer | Uint8Array): string | null {
  return readQrPng(png).data;
}

/** All text of a PDF, pages joined. */
export async function pdfText(pdf: Uint8Array | Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text;
}
