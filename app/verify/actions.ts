"use server";
// Public: is this uploaded PDF byte for byte a certificate the bureau issued?
import { z } from "zod";
import { runAction } from "@/lib/server/action";
import { verifyCertificatePdf } from "@/lib/server/certificates/verify-certificate";
import { clientAddress } from "@/lib/server/client-address";

const MAX = 10 * 1024 * 1024;
const ZPdf = z.object({ file: z.instanceof(File, { message: "verify.file" }).refine((f) => f.size > 0 && f.size <= MAX, "verify.file") });

export async function verifyPdfAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZPdf, async (input) => {
    const result = await verifyCertificatePdf(new Uint8Array(await input.file.arrayBuffer()), await clientAddress());
    return result.issued ? { issued: true as const, identifier: result.certificate.identifier, verdict: result.certificate.verdict, number: result.certificate.number, recordSignatureValid: result.certificate.recordSignatureValid } : { issued: false as const };
  });
}
