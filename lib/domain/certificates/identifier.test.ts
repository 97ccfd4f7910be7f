import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { creditCodeCheckChar } from "../identity/credit-code";
import {
  CERTIFICATE_SERIAL_LENGTH,
  CertificateIdentifierError,
  formatCertificateIdentifier,
  isCertificateIdentifier,
  isValidIso7064Mod3736,
  iso7064Mod3736CheckChar,
  newCertificateSerial,
  normalizeCertificateIdentifier,
  parseCertificateIdentifier,
  successorIdentifier,
  type CertificateIdentifierParts,
} from "./identifier";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// A second, independently written MOD 37,36 in the formulation python-stdnum uses (it carries the
// running sum, starting from 18 so that the first doubling gives P₀ = 36); valid means the sum is 1.
function referenceSum(s: string): number {
  let sum = 18;
  for (const ch of s) sum = ((((sum || 36) * 2) % 37) + ALPHABET.indexOf(ch)) % 36;
  return sum;
}
function referenceCheckChar(s: string): string {
  const p = ((referenceSum(s) || 36) * 2) % 37;
  return ALPHABET[(((1 - p) % 36) + 36) % 36];
}
/** The product P the hybrid recursion holds after `s` (P₀ = 36), for describing the blind spot. */
function productAfter(s: string): number {
  return ((referenceSum(s) || 36) * 2) % 37;
}

const alnum = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: min, maxLength: max });

describe("ISO/IEC 7064 MOD 37,36", () => {
  it("gives the widely reproduced worked example A12425GABC1234002 → M", () => {
    // Quoted in python-stdnum's documentation of mod_37_36 and in go-iso7064's tests.
    expect(iso7064Mod3736CheckChar("A12425GABC1234002")).toBe("M");
    expect(isValidIso7064Mod3736("A12425GABC1234002M")).toBe(true);
    expect(isValidIso7064Mod3736("A12425GABC1234002N")).toBe(false);
  });

  it("agrees with the vectors of an independent implementation (go-iso7064, after konfirm/node-iso7064)", () => {
    const vectors: [string, string][] = [
      ["RABD", "A"],
      ["X0H", "X"],
      ["TBR", "1"],
      ["9", "J"],
      ["OW", "N"],
      ["1M", "Q"],
      ["WP8Z0", "9"],
      ["B3739U6CR", "K"],
      ["EFWW032G2TI", "U"],
      ["B7Q3SFTUSH2QN7BIXBPMNZAM", "I"],
      ["ROYL38YZ9TDGPNB5MT40CEWGURAOKF07XEYTV3M", "6"],
    ];
    for (const [body, check] of vectors) expect(iso7064Mod3736CheckChar(body), body).toBe(check);
  });

  it("matches the reference formulation on arbitrary strings", () => {
    fc.assert(
      fc.property(alnum(0, 60), (s) => {
        expect(iso7064Mod3736CheckChar(s)).toBe(referenceCheckChar(s));
      }),
    );
  });

  it("appending the check character leaves a final intermediate sum of 1, i.e. a valid string", () => {
    fc.assert(
      fc.property(alnum(0, 60), (s) => {
        const full = s + iso7064Mod3736CheckChar(s);
        expect(referenceSum(full)).toBe(1);
        expect(isValidIso7064Mod3736(full)).toBe(true);
      }),
    );
  });

  it("exactly one check character makes a string valid", () => {
    fc.assert(
      fc.property(alnum(0, 40), (s) => {
        expect([...ALPHABET].filter((c) => isValidIso7064Mod3736(s + c))).toEqual([iso7064Mod3736CheckChar(s)]);
      }),
    );
  });

  it("detects every single-character substitution, the check character included (property)", () => {
    fc.assert(
      fc.property(alnum(1, 60), fc.nat(), fc.integer({ min: 1, max: 35 }), (s, at, shift) => {
        const full = s + iso7064Mod3736CheckChar(s);
        const i = at % full.length;
        const changed = full.slice(0, i) + ALPHABET[(ALPHABET.indexOf(full[i]) + shift) % 36] + full.slice(i + 1);
        expect(isValidIso7064Mod3736(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("detects every adjacent transposition of distinct characters except the hybrid system's one blind spot (property)", () => {
    // The standard algorithm misses a swap of a and b exactly when, from the product P before them,
    // (P + a) mod 36 and (P + b) mod 36 are 18 and 19 (2·18 ≡ −1, 2·19 ≡ 1 mod 37). Asserting the
    // "exactly" both ways shows the implementation has no further gap.
    fc.assert(
      fc.property(alnum(1, 60), fc.nat(), (s, at) => {
        const full = s + iso7064Mod3736CheckChar(s);
        const i = at % (full.length - 1);
        const [a, b] = [full[i], full[i + 1]];
        fc.pre(a !== b);
        const swapped = full.slice(0, i) + b + a + full.slice(i + 2);
        const p = productAfter(full.slice(0, i));
        const sums = [(p + ALPHABET.indexOf(a)) % 36, (p + ALPHABET.indexOf(b)) % 36].sort((x, y) => x - y);
        const blindSpot = sums[0] === 18 && sums[1] === 19;
        expect(isValidIso7064Mod3736(swapped)).toBe(blindSpot);
      }),
      { numRuns: 2000 },
    );
  });

  it("the blind spot, exhaustively: one pair of characters per state, nothing else", () => {
    const step = (p: number, v: number) => (((p + v) % 36 || 36) * 2) % 37;
    let missed = 0;
    const surprises: string[] = [];
    for (let p = 1; p <= 36; p++) {
      for (let a = 0; a < 36; a++) {
        for (let b = 0; b < 36; b++) {
          if (a === b) continue;
          const same = step(step(p, a), b) === step(step(p, b), a);
          const sums = [(p + a) % 36, (p + b) % 36].sort((x, y) => x - y);
          if (same !== (sums[0] === 18 && sums[1] === 19)) surprises.push(`P=${p} ${ALPHABET[a]}${ALPHABET[b]}`);
          if (same) missed++;
        }
      }
    }
    expect(surprises).toEqual([]);
    expect(missed).toBe(36 * 2); // 36 states × one unordered pair, counted in both orders
    // From the start state the pair is I and J: "IJ…" and "JI…" carry the same check character.
    expect(iso7064Mod3736CheckChar("IJ")).toBe(iso7064Mod3736CheckChar("JI"));
  });

  it("refuses characters outside 0-9A-Z instead of guessing a value", () => {
    for (const bad of ["a", "A-1", "中", " ", "A.B"]) {
      expect(() => iso7064Mod3736CheckChar(bad)).toThrow(RangeError);
      expect(isValidIso7064Mod3736(bad + "0")).toBe(false);
    }
    expect(isValidIso7064Mod3736("")).toBe(false);
  });
});

const ISSUER = "115113010833722043"; // a real code from the identity tests
const EXAMPLE_PARTS: CertificateIdentifierParts = { typeCode: "1151100", issuerCode: ISSUER, serial: "K3M9QZ7P2X4A8B1C", version: 1 };
// Check character worked out with the python-stdnum-style reference above, not with the code under test.
const EXAMPLE = "1.2.156.3005.2.1151100.115113010833722043.K3M9QZ7P2X4A8B1C.001.2";
const ROOT_AND_DOT = "1.2.156.3005.2.";

const creditCode = fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{17}$/).map((body) => body + creditCodeCheckChar(body));
const parts: fc.Arbitrary<CertificateIdentifierParts> = fc.record({
  typeCode: alnum(1, 20),
  issuerCode: creditCode,
  serial: alnum(1, 40),
  version: fc.integer({ min: 1, max: 999 }),
});

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof CertificateIdentifierError ? e.code : `not a CertificateIdentifierError: ${String(e)}`;
  }
  return undefined;
}

describe("e-certificate identifier (GB/T 36904)", () => {
  it("formats root, type, issuer, serial, three-digit version and check character", () => {
    expect(formatCertificateIdentifier(EXAMPLE_PARTS)).toBe(EXAMPLE);
    expect(parseCertificateIdentifier(EXAMPLE)).toEqual({ ...EXAMPLE_PARTS, checkChar: "2" });
    expect(formatCertificateIdentifier({ ...EXAMPLE_PARTS, version: 12 })).toMatch(/\.012\.[0-9A-Z]$/);
    expect(formatCertificateIdentifier({ ...EXAMPLE_PARTS, version: 999 })).toMatch(/\.999\.[0-9A-Z]$/);
  });

  it("round-trips any valid parts (property)", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const id = formatCertificateIdentifier(p);
        const back = parseCertificateIdentifier(id);
        expect(back).not.toBeNull();
        expect({ typeCode: back!.typeCode, issuerCode: back!.issuerCode, serial: back!.serial, version: back!.version }).toEqual(p);
        expect(formatCertificateIdentifier(back!)).toBe(id);
        expect(isValidIso7064Mod3736(id.slice(ROOT_AND_DOT.length).replaceAll(".", ""))).toBe(true);
      }),
    );
  });

  it("rejects every single-character change anywhere in the identifier (property)", () => {
    fc.assert(
      fc.property(parts, fc.nat(), fc.constantFrom(...ALPHABET, ".", "a"), (p, at, replacement) => {
        const id = formatCertificateIdentifier(p);
        const i = at % id.length;
        fc.pre(id[i] !== replacement);
        expect(isCertificateIdentifier(id.slice(0, i) + replacement + id.slice(i + 1))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("is strict about the shape", () => {
    // Each case differs from EXAMPLE in one respect.
    const cases = [
      EXAMPLE.replace("1.2.156.3005.2.", "1.2.156.3005.1."),
      EXAMPLE.replace("1.2.156.3005.2.", ""),
      ` ${EXAMPLE}`,
      `${EXAMPLE} `,
      EXAMPLE.toLowerCase(),
      EXAMPLE.replace(".001.", ".01."),
      EXAMPLE.replace(".001.", ".0001."),
      EXAMPLE.replace(/\.2$/, ".3"),
      EXAMPLE.replace(/\.2$/, ""),
      `${EXAMPLE}.2`,
      EXAMPLE.replace(ISSUER, "115113010833722053"), // credit code with a wrong check character
      EXAMPLE.replace("1151100.", "1151100.."),
    ];
    for (const c of cases) expect(parseCertificateIdentifier(c), c).toBeNull();
    expect(parseCertificateIdentifier(undefined as unknown as string)).toBeNull();
    expect(parseCertificateIdentifier(EXAMPLE + "0".repeat(200))).toBeNull();
  });

  it("rejects version 000 even with a matching check character", () => {
    const payload = `1151100${ISSUER}K3M9QZ7P2X4A8B1C000`;
    const id = `1.2.156.3005.2.1151100.${ISSUER}.K3M9QZ7P2X4A8B1C.000.${iso7064Mod3736CheckChar(payload)}`;
    expect(isCertificateIdentifier(id)).toBe(false);
  });

  it("rejects an issuer code that passes GB 32100 only after case folding", () => {
    const lowerIssuer = "11511301008778183n";
    expect(codeOf(() => formatCertificateIdentifier({ ...EXAMPLE_PARTS, issuerCode: lowerIssuer }))).toBe("CERTIFICATE_ISSUER_CODE_INVALID");
  });

  it("names the malformed part when formatting", () => {
    const bad: [Partial<CertificateIdentifierParts>, string][] = [
      [{ typeCode: "" }, "CERTIFICATE_TYPE_CODE_INVALID"],
      [{ typeCode: "A".repeat(21) }, "CERTIFICATE_TYPE_CODE_INVALID"],
      [{ typeCode: "spjy" }, "CERTIFICATE_TYPE_CODE_INVALID"],
      [{ typeCode: "食经" }, "CERTIFICATE_TYPE_CODE_INVALID"],
      [{ typeCode: "11.1" }, "CERTIFICATE_TYPE_CODE_INVALID"],
      [{ issuerCode: "115113010833722053" }, "CERTIFICATE_ISSUER_CODE_INVALID"],
      [{ issuerCode: ` ${ISSUER}` }, "CERTIFICATE_ISSUER_CODE_INVALID"],
      [{ serial: "" }, "CERTIFICATE_SERIAL_INVALID"],
      [{ serial: "A".repeat(41) }, "CERTIFICATE_SERIAL_INVALID"],
      [{ serial: "ab12" }, "CERTIFICATE_SERIAL_INVALID"],
      [{ version: 0 }, "CERTIFICATE_VERSION_INVALID"],
      [{ version: 1000 }, "CERTIFICATE_VERSION_INVALID"],
      [{ version: 1.5 }, "CERTIFICATE_VERSION_INVALID"],
      [{ version: Number.NaN }, "CERTIFICATE_VERSION_INVALID"],
    ];
    for (const [change, code] of bad) {
      expect(codeOf(() => formatCertificateIdentifier({ ...EXAMPLE_PARTS, ...change })), JSON.stringify(change)).toBe(code);
    }
  });

  it("normalises what a person typed or a scanner read", () => {
    const typed = ` １.2.156.3005.2.1151100.115113010833722043.k3m9qz7p2x4a8b1c．001。2 `;
    expect(normalizeCertificateIdentifier(typed)).toBe(EXAMPLE);
    expect(isCertificateIdentifier(normalizeCertificateIdentifier(typed))).toBe(true);
    expect(isCertificateIdentifier(typed)).toBe(false);
  });
});

describe("certificate serial", () => {
  it("is 16 upper-case base-36 characters", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 64 }), (bytes) => {
        const serial = newCertificateSerial(bytes);
        expect(serial).toMatch(/^[0-9A-Z]{16}$/);
        expect(serial).toHaveLength(CERTIFICATE_SERIAL_LENGTH);
        expect(newCertificateSerial(bytes)).toBe(serial); // the randomness is the caller's, not ours
      }),
    );
  });

  it("maps distinct 10-byte inputs to distinct serials (no entropy is lost)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (a, b) => {
        fc.pre(a.some((x, i) => x !== b[i]));
        expect(newCertificateSerial(a)).not.toBe(newCertificateSerial(b));
      }),
    );
  });

  it("reads the bytes as one big-endian number", () => {
    expect(newCertificateSerial(new Uint8Array(10))).toBe("0000000000000000");
    expect(newCertificateSerial(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 35]))).toBe("000000000000000Z");
    expect(newCertificateSerial(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 36]))).toBe("0000000000000010");
    expect(newCertificateSerial(new Uint8Array(16).fill(255))).toMatch(/^[0-9A-Z]{16}$/);
  });

  it("refuses fewer than 10 random bytes", () => {
    expect(codeOf(() => newCertificateSerial(new Uint8Array(9)))).toBe("CERTIFICATE_RANDOMNESS_TOO_SHORT");
    expect(codeOf(() => newCertificateSerial(undefined as unknown as Uint8Array))).toBe("CERTIFICATE_RANDOMNESS_TOO_SHORT");
  });

  it("makes identifiers that parse", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        expect(isCertificateIdentifier(formatCertificateIdentifier({ ...EXAMPLE_PARTS, serial: newCertificateSerial(bytes) }))).toBe(true);
      }),
    );
  });
});

describe("replacement identifier", () => {
  it("keeps type, issuer and serial, adds one to the version, and carries a valid check character", () => {
    const first = formatCertificateIdentifier({ typeCode: "JY", issuerCode: ISSUER, serial: "ABCDEF0123456789", version: 1 });
    const second = successorIdentifier(first);
    expect(parseCertificateIdentifier(second)).toMatchObject({ typeCode: "JY", issuerCode: ISSUER, serial: "ABCDEF0123456789", version: 2 });
    expect(second).not.toBe(first);
    expect(parseCertificateIdentifier(successorIdentifier(second))?.version).toBe(3);
    expect(() => successorIdentifier("not an identifier")).toThrow(CertificateIdentifierError);
  });
});
