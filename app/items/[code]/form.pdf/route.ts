// The blank application form (申请表) of an item version as a PDF download.
import { BUREAU } from "@/lib/bureau";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { renderBlankFormPdf } from "@/lib/server/catalogue/blank-form-pdf";
import { pdfResponse } from "@/lib/server/http-errors";
import { loadGuide, versionParam } from "../load-guide";

export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const item = await loadGuide((await params).code, versionParam(new URL(req.url).searchParams.get("v")));
  const g = item.guide;
  const pdf = await renderBlankFormPdf({
    bureauName: BUREAU.name,
    itemName: g.name,
    implementationCode: item.implementationCode,
    version: g.version,
    questions: formFieldsOf(g.formFields).map((f) => f.label),
    materials: g.materials.map((m) => m.name),
  });
  return pdfResponse(pdf, `form-${item.implementationCode}-v${g.version}.pdf`, { private: false });
}
