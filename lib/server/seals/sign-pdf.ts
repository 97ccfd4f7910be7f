// Demo seal certificates (self-signed RSA in PKCS#12) and PAdES-style signing of rendered PDFs with them.
import "server-only";
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";
import { PDFDocument } from "pdf-lib";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";

export type SealIdentity = { p12: Buffer; passphrase: string };

export type DemoSealCertificate = SealIdentity & { certificatePem: string; fingerprint: string };

export type SignatureField = {
  reason: string;
  name: string;
  location: string;
  /** [x1, y1, x2, y2] in PDF user space of the first page (points, origin bottom-left). */
  widgetRect: [number, number, number, number];
};

// Printable ASCII only. Poppler fails to validate signatures whose certificate subject holds Chinese
// ("Unknown Validation Failure"), so the Chinese seal name lives on the page and in our records instead.
const ASCII = /^[\x20-\x7e]+$/;

/**
 * A self-signed signing certificate for a demo seal. Keys come from Node's native generator (forge's
 * pure-JS RSA takes seconds); forge only builds the X.509 and the PKCS#12.
 */
export function createDemoSealCertificate(opts: {
  commonName: string;
  organization: string;
  validYears: number;
  now: Date;
}): DemoSealCertificate {
  for (const [field, value] of [["commonName", opts.commonName], ["organization", opts.organization]] as const) {
    if (!ASCII.test(value)) throw new RangeError(`Certificate ${field} must be non-empty printable ASCII: ${JSON.stringify(value)}`);
  }
  if (!Number.isFinite(opts.validYears) || opts.validYears <= 0) throw new RangeError(`validYears must be positive: ${opts.validYears}`);

  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  // A positive serial: a leading zero nibble keeps the DER INTEGER's sign bit clear.
  cert.serialNumber = "0" + randomBytes(16).toString("hex");
  cert.validity.notBefore = opts.now;
  const notAfter = new Date(opts.now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + opts.validYears);
  cert.validity.notAfter = notAfter;
  // UTF8String rather than forge's default PrintableString, which forbids characters such as & or @.
  // (@types/node-forge types valueTagClass as asn1.Class; forge reads it as an asn1.Type tag.)
  const utf8 = forge.asn1.Type.UTF8 as number as forge.asn1.Class;
  const subject = [
    { name: "countryName", value: "CN" },
    { name: "organizationName", value: opts.organization, valueTagClass: utf8 },
    { name: "commonName", value: opts.commonName, valueTagClass: utf8 },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());

  const passphrase = randomBytes(24).toString("base64url");
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: "3des" });
  const p12 = Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), "binary");
  const certificatePem = forge.pki.certificateToPem(cert);
  return { p12, passphrase, certificatePem, fingerprint: certificateFingerprint(certificatePem) };
}

/** SHA-256 of the certificate's DER, lowercase hex without separators. */
export function certificateFingerprint(certificatePem: string): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(certificatePem))).getBytes();
  return createHash("sha256").update(Buffer.from(der, "binary")).digest("hex");
}

/**
 * Signs `pdf` (adbe.pkcs7.detached over the whole file) with a visible-position signature widget on
 * its first page. pdf-lib rewrites the file once to add the placeholder; object streams stay off
 * because @signpdf finds the /ByteRange placeholder by scanning the plain bytes.
 */
export async function signPdf(pdf: Uint8Array, identity: SealIdentity, field: SignatureField): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfText(field.reason),
    contactInfo: "",
    name: pdfText(field.name),
    location: pdfText(field.location),
    widgetRect: [...field.widgetRect],
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  // A P12Signer signs only once, so each signature gets its own.
  return new SignPdf().sign(withPlaceholder, new P12Signer(identity.p12, { passphrase: identity.passphrase }));
}

/**
 * The placeholder writes these strings with pdf-lib's PDFString, which emits each UTF-16 code unit
 * as one byte: Chinese would come out garbled. ASCII passes through (escaped); anything else is
 * pre-encoded as the UTF-16BE-with-BOM bytes a PDF text string allows, one byte per char.
 */
function pdfText(text: string): string {
  const bytes = ASCII.test(text) || text === "" ? Buffer.from(text, "latin1") : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
  let out = "";
  for (const byte of bytes) {
    // Literal strings need ( ) \ escaped; a raw CR would be read back as LF.
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += "\\" + String.fromCharCode(byte);
    else if (byte === 0x0d) out += "\\r";
    else out += String.fromCharCode(byte);
  }
  return out;
}
