// The one-time notice slip (申报材料一次性告知单) of an item version as a PDF download.
import { getTranslations } from "next-intl/server";
import { BUREAU } from "@/lib/bureau";
import { renderSlipPdf } from "@/lib/server/catalogue/slip-pdf";
import { pdfResponse } from "@/lib/server/http-errors";
import { guidePath, publicUrl } from "@/lib/server/public-url";
import { loadGuide, versionParam } from "../load-guide";

export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const item = await loadGuide((await params).code, versionParam(new URL(req.url).searchParams.get("v")));
  const g = item.guide;
  // The slip is an official document: always in Chinese, whatever the page language.
  const [tk, tg] = await Promise.all([getTranslations({ locale: "zh-CN", namespace: "kinds" }), getTranslations({ locale: "zh-CN", namespace: "guide" })]);
  const pdf = await renderSlipPdf({
    bureauName: BUREAU.name,
    title: "申报材料一次性告知单",
    itemName: g.name,
    implementationCode: item.implementationCode,
    version: g.version,
    kindLabel: tk(g.kind),
    statutoryDays: g.statutoryDays,
    promisedDays: g.promisedDays,
    feeNote: g.feeNote,
    visitsRequired: g.visitsRequired,
    windowText: `${BUREAU.hall}；${BUREAU.hours}`,
    materials: g.materials.map((m) => ({
      name: m.name,
      kindLabel: m.kind === "CORE" ? tg("core") : tg("supplementary"),
      originalRequired: m.originalRequired,
      copies: m.copies,
      note: m.note,
    })),
    guideUrl: await publicUrl(guidePath(item.implementationCode)),
    demoValues: g.demoValues,
    generatedAt: new Date(),
  });
  return pdfResponse(pdf, `slip-${item.implementationCode}-v${g.version}.pdf`, { private: false });
}
