// Fonts and helpers shared by the PDFs the portal prints (slips, receipts): Noto Sans SC embedded
// as TrueType subsets so Chinese text renders and can be extracted.
import "server-only";
import * as fontkit from "fontkit";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";

// ---- Fonts ----------------------------------------------------------------------------------
// Noto Sans SC as static TrueType files from npm, so a fresh machine with only Node renders the
// slip the same as a developer's. TrueType, not the CFF/OTF cut: pdfkit's (upstream fontkit's)
// TrueType subsetter keeps the PDF at tens of KB and is several times faster than CFF subsetting.
// (Web pages use the system's Chinese font and download none; a variable web font would not do here
// anyway, its outlines subset only at the default instance.)
const FONT_PACKAGE = "@expo-google-fonts/noto-sans-sc";
export const REGULAR = "noto-regular";
export const BOLD = "noto-bold";

type SlipFonts = { regular: Buffer; bold: Buffer };
let fontsPromise: Promise<SlipFonts> | undefined;

// Read from the project root, never relative to this file: `next build` bundles this module into
// .next/server, where source-relative paths (and require.resolve, which the bundler rewrites to
// module ids) no longer lead into node_modules. The literal path.join arguments let Turbopack's
// file tracer see exactly these two files.
async function readFonts(): Promise<SlipFonts> {
  try {
    const [regular, bold] = await Promise.all([
      readFile(path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf")),
      readFile(path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc", "700Bold", "NotoSansSC_700Bold.ttf")),
    ]);
    return { regular, bold };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  // A script started from a subdirectory, or a workspace whose node_modules is hoisted above it.
  for (let dir = process.cwd(); path.dirname(dir) !== dir; ) {
    dir = path.dirname(dir);
    const base = path.join(dir, "node_modules", FONT_PACKAGE);
    const regularPath = path.join(base, "400Regular", "NotoSansSC_400Regular.ttf");
    const boldPath = path.join(base, "700Bold", "NotoSansSC_700Bold.ttf");
    // Ignored by the tracer: a computed path would make it trace the whole project.
    if (!existsSync(/* turbopackIgnore: true */ regularPath)) continue;
    const [regular, bold] = await Promise.all([readFile(/* turbopackIgnore: true */ regularPath), readFile(/* turbopackIgnore: true */ boldPath)]);
    return { regular, bold };
  }
  throw new Error(`Slip fonts not found under ${path.join(process.cwd(), "node_modules")}: is the npm package ${FONT_PACKAGE} installed?`);
}

export function loadPdfFonts(): Promise<SlipFonts> {
  fontsPromise ??= readFonts().catch((error: unknown) => {
    fontsPromise = undefined; // let a later request retry, e.g. after npm install
    throw error;
  });
  return fontsPromise;
}

let parsedPromise: Promise<{ regular: fontkit.Font; bold: fontkit.Font }> | undefined;

/**
 * The same fonts parsed once per process (a CJK font takes tens of milliseconds to parse): pdfkit
 * takes a parsed font as well as bytes, and subsets it per document.
 */
export function loadParsedPdfFonts(): Promise<{ regular: fontkit.Font; bold: fontkit.Font }> {
  parsedPromise ??= loadPdfFonts().then(({ regular, bold }) => ({ regular: fontkit.create(regular) as fontkit.Font, bold: fontkit.create(bold) as fontkit.Font }));
  return parsedPromise;
}

const SHANGHAI = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUREAU_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026-11-23 14:05" in Beijing time, whatever the server's time zone. */
export function shanghaiTime(date: Date): string {
  const part = Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

export function collectPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}
