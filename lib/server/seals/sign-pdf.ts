// Demo seal certificates (self-signed RSA in PKCS#12) and PAdES-style signing of rendered PDFs with them.
import "server-only";
import { constants, createHash, createPrivateKey, generateKeyPairSync, privateEncrypt, randomBytes, type KeyObject } from "node:crypto";
import forge from "node-forge";
import { PDFDocument } from "pdf-lib";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer } from "@signpdf/utils";

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
  return new SignPdf().sign(withPlaceholder, new SealSigner(parsedIdentity(identity)));
}

type ParsedIdentity = { certificate: forge.pki.Certificate; key: KeyObject };
const parsed = new WeakMap<Buffer, ParsedIdentity>();

/**
 * The PKCS#12 opened once per process (its key derivation is deliberately slow), the private key
 * handed to Node's crypto: @signpdf's own P12Signer re-opens the file and signs in pure JS on every
 * call, which is most of an issuance's time.
 */
function parsedIdentity(identity: SealIdentity): ParsedIdentity {
  const known = parsed.get(identity.p12);
  if (known) return known;
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(identity.p12.toString("binary"))), false, identity.passphrase);
  const key = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  const certificate = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.map((b) => b.cert).find((c) => c && key && (c.publicKey as forge.pki.rsa.PublicKey).n.compareTo(key.n) === 0);
  if (!key || !certificate) throw new Error("The seal's PKCS#12 holds no RSA key with its certificate");
  const result = { certificate, key: createPrivateKey(forge.pki.privateKeyToPem(key)) };
  parsed.set(identity.p12, result);
  return result;
}

/** DER prefix of a PKCS#1 DigestInfo for SHA-256 (RFC 8017, 9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

/** adbe.pkcs7.detached, as @signpdf's P12Signer builds it (same attributes, same order), RSA by Node. */
class SealSigner extends Signer {
  constructor(private readonly identity: ParsedIdentity) {
    super();
  }

  async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString("binary"));
    p7.addCertificate(this.identity.certificate);
    const key = this.identity.key;
    p7.addSigner({
      // forge asks the key to sign the digest of the authenticated attributes: RSASSA-PKCS1-v1_5.
      key: { sign: (md: forge.md.MessageDigest) => privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), "binary")])).toString("binary") } as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.identity.certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
  }
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
