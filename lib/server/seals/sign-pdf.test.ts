// Signing PDFs with a demo seal certificate: Poppler accepts the signature and notices any tampering.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDict, PDFDocument as PDFLibDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import PDFDocument from "pdfkit";
import { afterAll, describe, expect, it } from "vitest";
import { collectPdf } from "@/lib/server/pdf/fonts";
import { certificateFingerprint, createDemoSealCertificate, signPdf } from "./sign-pdf";

const hasPdfsig = spawnSync("which", ["pdfsig"]).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), "sign-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-11-23T06:05:00Z");
const identity = createDemoSealCertificate({ commonName: "Guang'an Approval Seal DEMO", organization: "Guang'an District Approval Bureau", validYears: 5, now: NOW });

async function smallPdf(): Promise<Uint8Array> {
  // Uncompressed, so flipping a byte of the content stream leaves the file parseable.
  const doc = new PDFDocument({ size: "A4", compress: false });
  const bytes = collectPdf(doc);
  doc.fontSize(20).text("Certificate test");
  doc.circle(400, 600, 50).stroke("red");
  doc.end();
  return bytes;
}

/** pdfsig's report. spawnSync, not execFileSync: a non-zero exit (e.g. no signature found) is an answer here, not an error. */
function pdfsig(pdf: Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync("pdfsig", [file], { encoding: "utf8" });
  return run.stdout + run.stderr;
}

const FIELD = { reason: "颁发证照（演示）", name: "广安市广安区行政审批局审批专用章", location: "四川省广安市", widgetRect: [350, 192, 450, 292] as [number, number, number, number] };

describe("createDemoSealCertificate", () => {
  it("refuses a non-ASCII common name", () => {
    expect(() => createDemoSealCertificate({ commonName: "广安区审批专用章", organization: "Demo", validYears: 1, now: NOW })).toThrow(RangeError);
  });

  it("fingerprints the certificate as 64 lowercase hex characters", () => {
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(certificateFingerprint(identity.certificatePem)).toBe(identity.fingerprint);
    const other = createDemoSealCertificate({ commonName: "Other", organization: "Demo", validYears: 1, now: NOW });
    expect(other.fingerprint).not.toBe(identity.fingerprint);
  });
});

describe("signPdf", () => {
  it.skipIf(!hasPdfsig)("produces a signature Poppler validates over the whole document", async () => {
    const signed = await signPdf(await smallPdf(), identity, FIELD);
    const report = pdfsig(signed);
    expect(report).toContain("Signature is Valid.");
    expect(report).toContain("Total document signed");
  });

  it("keeps Chinese reason, name and location readable in the signature dictionary", async () => {
    // pdfsig 22.12 does not print them, so read them back with pdf-lib.
    const signed = await PDFLibDocument.load(await signPdf(await smallPdf(), identity, FIELD));
    const sig = signed.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .find((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("Sig"));
    const text = (key: string) => sig?.lookupMaybe(PDFName.of(key), PDFString, PDFHexString)?.decodeText();
    expect([text("Reason"), text("Name"), text("Location")]).toEqual([FIELD.reason, FIELD.name, FIELD.location]);
  });

  it("signs twice with the same identity (a fresh P12Signer each time)", async () => {
    const pdf = await smallPdf();
    await signPdf(pdf, identity, FIELD);
    await expect(signPdf(pdf, identity, FIELD)).resolves.toBeInstanceOf(Buffer);
  });

  it.skipIf(!hasPdfsig)("reports a tampered byte inside the signed range", async () => {
    const signed = await signPdf(await smallPdf(), identity, FIELD);
    const byteRange = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(signed.toString("latin1"));
    expect(byteRange).not.toBeNull();
    const firstEnd = Number(byteRange![1]) + Number(byteRange![2]);
    // A byte of the first (uncompressed) content stream: the file still parses, only the digest changes.
    // A fixed offset such as 200 lands in the catalog after pdf-lib's rewrite, which is a weaker test.
    const offset = signed.indexOf("stream\n") + "stream\n".length + 2;
    expect(offset).toBeGreaterThan(10);
    expect(offset).toBeLessThan(firstEnd);

    const tampered = Buffer.from(signed);
    tampered[offset] ^= 0x01;
    const report = pdfsig(tampered);
    expect(report).not.toContain("Signature is Valid.");
    expect(report).toContain("Digest Mismatch.");
  });
});
