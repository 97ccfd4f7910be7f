// Custody of the seals' private keys: outside the database, under SEAL_KEY_DIR, encrypted with a
// key derived from the installation secret (AUTH_SECRET). A fresh install gets a self-issued demo
// identity; production loads a PKCS#12 file and an SM2 key from configured paths instead.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sm2, sm3 } from "sm-crypto-v2";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { DbOrTx } from "@/lib/server/db";
import { decryptWithSecret, encryptWithSecret, type Sealed } from "@/lib/server/installation-cipher";
import { certificateFingerprint, createDemoSealCertificate, type SealIdentity } from "./sign-pdf";

/** Everything a stamp needs from the seal: PDF identity (RSA, X.509) and the SM2 record key. */
export type SealKeys = SealIdentity & { keyId: string; sm2PrivateKey: string; sm2PublicKey: string; certificatePem: string };

function keyDir(): string {
  return path.resolve(env().SEAL_KEY_DIR ?? path.join(process.cwd(), ".data", "seals"));
}

function secret(): string {
  const s = env().AUTH_SECRET;
  if (!s) throw new AppError("SEAL_IDENTITY_MISSING", "AUTH_SECRET is needed to protect the seal keys");
  return s;
}

function encrypt(plain: string): Sealed {
  return encryptWithSecret(secret(), plain);
}

function decrypt(sealed: Sealed): string {
  return decryptWithSecret(secret(), sealed);
}

const fileOf = (keyId: string) => path.join(keyDir(), `${keyId.replace(/[^A-Za-z0-9_-]/g, "_")}.json`);

export const sm2Fingerprint = (publicKey: string) => sm3(publicKey);

/**
 * Gives the seal a signing identity if it has none: in production from SEAL_P12_PATH and
 * SEAL_SM2_KEY_PATH, otherwise a generated, self-issued demo identity whose private parts are
 * written encrypted to SEAL_KEY_DIR. Public parts and fingerprints go to the seal record.
 */
export async function ensureSealIdentity(tx: DbOrTx, seal: { id: string; keyId: string | null; name: string }, now = new Date()): Promise<void> {
  if (seal.keyId && (configuredKeys() || fs.existsSync(fileOf(seal.keyId)))) return;
  const keyId = `SEAL-${now.getUTCFullYear()}-${randomBytes(4).toString("hex").toUpperCase()}`;
  const configured = configuredKeys();
  let keys: Omit<SealKeys, "keyId">;
  let demo = false;
  if (configured) {
    keys = configured;
  } else {
    // Self-issued: its subject says plainly that it is a demo identity (ASCII: PDF readers need it).
    const cert = createDemoSealCertificate({ commonName: "DEMO Approval Seal - Guang'an District Administrative Approval Bureau", organization: "DEMO - not a real seal", validYears: 5, now });
    const pair = sm2.generateKeyPairHex();
    keys = { p12: cert.p12, passphrase: cert.passphrase, certificatePem: cert.certificatePem, sm2PrivateKey: pair.privateKey, sm2PublicKey: pair.publicKey };
    fs.mkdirSync(keyDir(), { recursive: true, mode: 0o700 });
    const sealed = encrypt(JSON.stringify({ p12: keys.p12.toString("base64"), passphrase: keys.passphrase, sm2PrivateKey: keys.sm2PrivateKey }));
    fs.writeFileSync(fileOf(keyId), JSON.stringify(sealed), { mode: 0o600 });
    demo = true;
  }
  await tx.seal.update({
    where: { id: seal.id },
    data: {
      keyId,
      certificatePem: keys.certificatePem,
      rsaFingerprint: certificateFingerprint(keys.certificatePem),
      sm2PublicKey: keys.sm2PublicKey,
      sm2Fingerprint: sm2Fingerprint(keys.sm2PublicKey),
      demo,
    },
  });
}

/** The seal's private keys, for one stamp. */
export function loadSealKeys(seal: { keyId: string | null; certificatePem: string | null; sm2PublicKey: string | null }): SealKeys {
  if (!seal.keyId || !seal.certificatePem || !seal.sm2PublicKey) throw new AppError("SEAL_IDENTITY_MISSING");
  const configured = configuredKeys();
  if (configured && configured.sm2PublicKey === seal.sm2PublicKey) return { ...configured, keyId: seal.keyId };
  const file = fileOf(seal.keyId);
  if (!fs.existsSync(file)) throw new AppError("SEAL_IDENTITY_MISSING", `no key file for ${seal.keyId}`);
  const inner = JSON.parse(decrypt(JSON.parse(fs.readFileSync(file, "utf8")) as Sealed)) as { p12: string; passphrase: string; sm2PrivateKey: string };
  return { keyId: seal.keyId, p12: Buffer.from(inner.p12, "base64"), passphrase: inner.passphrase, sm2PrivateKey: inner.sm2PrivateKey, sm2PublicKey: seal.sm2PublicKey, certificatePem: seal.certificatePem };
}

/** Production keys from the configured files, when set. */
function configuredKeys(): Omit<SealKeys, "keyId"> | null {
  const e = env();
  if (!e.SEAL_P12_PATH || !e.SEAL_SM2_KEY_PATH) return null;
  const p12 = fs.readFileSync(e.SEAL_P12_PATH);
  const sm2PrivateKey = fs.readFileSync(e.SEAL_SM2_KEY_PATH, "utf8").trim();
  const certificatePem = certificateFromP12(p12, e.SEAL_P12_PASSPHRASE ?? "");
  return { p12, passphrase: e.SEAL_P12_PASSPHRASE ?? "", certificatePem, sm2PrivateKey, sm2PublicKey: sm2.getPublicKeyFromPrivateKey(sm2PrivateKey) };
}

function certificateFromP12(p12: Buffer, passphrase: string): string {
  // node-forge reads PKCS#12; only the certificate (public) is taken out here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const forge = require("node-forge") as typeof import("node-forge");
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString("binary"))), false, passphrase);
  const bag = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0];
  if (!bag?.cert) throw new AppError("SEAL_IDENTITY_MISSING", "SEAL_P12_PATH holds no certificate");
  return forge.pki.certificateToPem(bag.cert);
}
