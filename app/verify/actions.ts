"use server";
// Public: is this uploaded PDF byte for byte a certificate or a sealed document the bureau issued?
import { z } from "zod";
import { runAction } from "@/lib/server/action";
import { verifyCertificatePdf } from "@/lib/server/certificates/verify-certificate";
import { clientAddress } from "@/lib/server/client-address";

const MAX = 10 * 1024 * 1024;
const ZPdf = z.object({ file: z.instanceof(File, { message: "verify.file" }).refine((f) => f.size > 0 && f.size <= MAX, "verify.file") });

export async function verifyPdfAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZPdf, async (input) => {
    const result = await verifyCertificatePdf(new Uint8Array(await input.file.arrayBuffer()), await clientAddress());
    if (!result.issued) return { issued: false as const };
    const r = "certificate" in result ? { ...result.certificate } : { ...result.document, verdict: "document" as const };
    return { issued: true as const, identifier: r.identifier, verdict: r.verdict, number: r.number, recordSignatureValid: r.recordSignatureValid };
  });
}
