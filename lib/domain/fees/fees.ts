// 票款分离: fees are published per item version as fee lines (amounts in fen, with their legal basis);
// a decision that needs payment gets a payment notice (缴款通知书) with a unique payment code (缴款码),
// amount and due date; the payer pays an agent bank; the fiscal platform confirms; the bureau
// reconciles daily. The bureau never handles cash. Groundwork of issue #18: the rules only.

/**
 * A published fee line. A fixed line charges `amountFen`. A line charged by quantity (计量收费, e.g.
 * per square metre of road dug up) has a `unit`, and `amountFen` is the price of one unit: the
 * decider enters the quantity when granting, and the payment notice charges price × quantity.
 */
export type FeeLine = { name: string; amountFen: number; basis: string; unit?: string };

/** A line of a payment notice: its total in `amountFen`; for a line charged by quantity also the unit, its price and the quantity. */
export type ChargedLine = { name: string; amountFen: number; basis: string; unit?: string; unitFen?: number; quantity?: string };

export type FeeProblem = { line: number; code: "format" | "amount" | "basis" };

/** Fen are whole, positive and below a sane ceiling (one million yuan). */
export const MAX_FEE_FEN = 100_000_000;

/** A unit of quantity: a short word (平方米, 米, 处, 吨…), no digits, no separators. */
const UNIT = /^[^\d|/\s.,，]{1,8}$/u;

/**
 * The administrator's fee lines, one per line: `name | amount in yuan (e.g. 12.50) | legal basis`,
 * or `name | price in yuan per unit (e.g. 240.00/平方米) | legal basis` for a line charged by quantity.
 * Amounts are read as text to exact fen — never through floating point.
 */
export function parseFeeLines(text: string): { lines: FeeLine[]; problems: FeeProblem[] } {
  const lines: FeeLine[] = [];
  const problems: FeeProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const parts = raw.split("|").map((p) => p.trim());
    if (parts.length !== 3 || !parts[0]) return problems.push({ line: i + 1, code: "format" });
    const [price, unit, extra] = parts[1].split("/").map((p) => p.trim());
    const fen = yuanToFen(price);
    if (fen === null || fen <= 0 || fen > MAX_FEE_FEN || extra !== undefined || (unit !== undefined && !UNIT.test(unit))) return problems.push({ line: i + 1, code: "amount" });
    if (parts[2].length < 2) return problems.push({ line: i + 1, code: "basis" });
    lines.push({ name: parts[0], amountFen: fen, basis: parts[2], ...(unit !== undefined ? { unit } : {}) });
  });
  return { lines, problems };
}

const validLine = (l: unknown): l is FeeLine & Record<string, unknown> =>
  typeof l === "object" &&
  l !== null &&
  typeof (l as FeeLine).name === "string" &&
  typeof (l as FeeLine).basis === "string" &&
  Number.isInteger((l as FeeLine).amountFen) &&
  (l as FeeLine).amountFen > 0 &&
  (l as FeeLine).amountFen <= MAX_FEE_FEN &&
  ((l as FeeLine).unit === undefined || (typeof (l as FeeLine).unit === "string" && UNIT.test((l as FeeLine).unit!)));

/** Stored fee lines (JSON of the item version) read back; anything malformed is dropped. */
export function feeLinesOf(value: unknown): FeeLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(validLine).map((l) => ({ name: l.name, amountFen: l.amountFen, basis: l.basis, ...(l.unit !== undefined ? { unit: l.unit } : {}) }));
}

/** A payment notice's stored lines read back (a line charged by quantity keeps its price and quantity). */
export function chargedLinesOf(value: unknown): ChargedLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(validLine).map((l) => {
    const byQuantity = l.unit !== undefined && Number.isInteger(l.unitFen) && typeof l.quantity === "string";
    return { name: l.name, amountFen: l.amountFen, basis: l.basis, ...(byQuantity ? { unit: l.unit, unitFen: l.unitFen as number, quantity: l.quantity as string } : {}) };
  });
}

/** The lines back in the administrator's format (the editor shows what is published). */
export function feeLinesText(lines: readonly FeeLine[]): string {
  return lines.map((l) => `${l.name} | ${fenToYuan(l.amountFen)}${l.unit !== undefined ? `/${l.unit}` : ""} | ${l.basis}`).join("\n");
}

/** The published lines the decider must give a quantity for, with their positions (the form's keys). */
export function linesByQuantity(lines: readonly FeeLine[]): { index: number; line: FeeLine & { unit: string } }[] {
  return lines.flatMap((line, index) => (line.unit !== undefined ? [{ index, line: line as FeeLine & { unit: string } }] : []));
}

/** A quantity as the decider types it: up to two decimals, more than 0, below a million. Hundredths, or null. */
export function quantityHundredths(text: string): number | null {
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return h > 0 ? h : null;
}

/** Hundredths back as the quantity's text, without trailing zeros: 2000 → "20", 1250 → "12.5". */
export function quantityText(hundredths: number): string {
  const frac = String(hundredths % 100).padStart(2, "0").replace(/0+$/, "");
  return `${Math.floor(hundredths / 100)}${frac ? `.${frac}` : ""}`;
}

/**
 * What a grant charges: fixed lines as published; a line charged by quantity at its price × the
 * quantity the decider gave (keyed by the line's position), rounded to the fen (half up). A missing
 * or malformed quantity, or a line above the ceiling, is a problem named by the line's position.
 */
export function chargeFees(lines: readonly FeeLine[], quantities: Readonly<Record<string, string>>): { ok: true; lines: ChargedLine[] } | { ok: false; problems: { index: number; code: "quantity" | "amount" }[] } {
  const charged: ChargedLine[] = [];
  const problems: { index: number; code: "quantity" | "amount" }[] = [];
  lines.forEach((l, index) => {
    if (l.unit === undefined) return charged.push({ name: l.name, amountFen: l.amountFen, basis: l.basis });
    const given = (quantities[String(index)] ?? "").trim();
    const h = quantityHundredths(given);
    if (h === null) return problems.push({ index, code: "quantity" });
    const total = Number((BigInt(l.amountFen) * BigInt(h) + 50n) / 100n);
    if (total > MAX_FEE_FEN) return problems.push({ index, code: "amount" });
    charged.push({ name: l.name, amountFen: total, basis: l.basis, unit: l.unit, unitFen: l.amountFen, quantity: quantityText(h) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, lines: charged };
}

/** "12.5" → 1250; "12.345" or "abc" → null. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 1250 → "12.50" (for documents and pages; the page adds ¥ / 元 itself). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function feeTotal(lines: readonly { amountFen: number }[]): number {
  return lines.reduce((sum, l) => sum + l.amountFen, 0);
}

/**
 * 缴款码: 20 digits — the region code (6), the year (4), a serial (9) and one check digit (ISO 7064
 * MOD 11-10, as used by Chinese identifiers) — so a mistyped code is refused before any lookup.
 */
export function formatPaymentCode(regionCode: string, year: number, serial: number): string {
  if (!/^\d{6}$/.test(regionCode) || year < 2000 || year > 9999 || !Number.isInteger(serial) || serial < 1 || serial > 999_999_999) throw new RangeError("payment code out of range");
  const body = `${regionCode}${year}${String(serial).padStart(9, "0")}`;
  return body + mod11_10(body);
}

export function isPaymentCode(code: string): boolean {
  return /^\d{20}$/.test(code) && mod11_10(code.slice(0, 19)) === code[19];
}

function mod11_10(digits: string): string {
  let p = 10;
  for (const d of digits) {
    let s = (p + Number(d)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

/**
 * Working days a payer has from the decision: half of the ten working days art. 44 gives the bureau
 * to issue, so a payment on its due day still leaves issuance within the law's time.
 */
export const PAYMENT_DUE_WORKING_DAYS = 5;

export const PAYMENT_STATES = ["ISSUED", "PAID", "EXPIRED", "CANCELLED"] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export type PaymentEvent = "CONFIRM_PAID" | "EXPIRE" | "REISSUE" | "CANCEL";

/**
 * The payment notice's table: paid only while issued (a late payment of an expired code is a
 * mismatch to reconcile); an unpaid notice expires the day after its due day, and the window issues
 * it again — a new code and a new due day — when the payer comes back.
 */
const PAYMENT_MOVES: Record<PaymentEvent, { from: readonly PaymentState[]; to: PaymentState }> = {
  CONFIRM_PAID: { from: ["ISSUED"], to: "PAID" },
  EXPIRE: { from: ["ISSUED"], to: "EXPIRED" },
  REISSUE: { from: ["EXPIRED"], to: "ISSUED" },
  CANCEL: { from: ["ISSUED"], to: "CANCELLED" },
};

/** What a notice's state means for pages and services: they ask this and compare no states themselves. */
export function paymentFacts(state: PaymentState): { paid: boolean; payable: boolean; reissuable: boolean } {
  return { paid: state === "PAID", payable: paymentMove(state, "CONFIRM_PAID") !== null, reissuable: paymentMove(state, "REISSUE") !== null };
}

/** 票款分离: a decision with a payment notice waits for the platform's confirmation before issuance. */
export function feesUnpaid(notice: { state: PaymentState } | null): boolean {
  return notice !== null && !paymentFacts(notice.state).paid;
}

/** Past its due day (a plain date, inclusive) on `today`: the notice expires. */
export function paymentOverdue(dueDate: string, today: string): boolean {
  return today > dueDate;
}

export function paymentMove(state: PaymentState, event: PaymentEvent): PaymentState | null {
  const rule = PAYMENT_MOVES[event];
  return rule.from.includes(state) ? rule.to : null;
}

/** A confirmation the fiscal platform sent: it must name a notice's code and its exact amount. */
export function confirmationProblem(notice: { amountFen: number; state: PaymentState }, confirmed: { amountFen: number }): "AMOUNT_MISMATCH" | "NOT_PAYABLE" | null {
  if (confirmed.amountFen !== notice.amountFen) return "AMOUNT_MISMATCH";
  if (!paymentMove(notice.state, "CONFIRM_PAID")) return "NOT_PAYABLE";
  return null;
}

/** A signed callback is fresh for five minutes either way (replays of older ones are refused). */
export const CALLBACK_TOLERANCE_SECONDS = 300;

export function callbackFresh(timestampSeconds: number, nowMs: number): boolean {
  return Number.isInteger(timestampSeconds) && Math.abs(nowMs / 1000 - timestampSeconds) <= CALLBACK_TOLERANCE_SECONDS;
}

/** What the HMAC covers: the timestamp and the exact body bytes, so neither can be swapped. */
export function signedPayload(timestampSeconds: number, body: string): string {
  return `${timestampSeconds}.${body}`;
}

export type LedgerRow = { code: string; amountFen: number };
/** The bank's file lacks a payment the bureau holds; lists one the bureau does not; or both hold it with different amounts. */
export const MISMATCH_KINDS = ["MISSING_AT_BANK", "UNKNOWN_TO_BUREAU", "AMOUNT_DIFFERS"] as const;
export type Mismatch = { code: string; kind: (typeof MISMATCH_KINDS)[number]; bureauFen?: number; bankFen?: number };

/**
 * The daily reconciliation: the notices the bureau holds as paid that day against the bank's file.
 * Every difference is a mismatch raised to the administrator; an empty list means the day is clean.
 */
export function reconcile(bureau: readonly LedgerRow[], bank: readonly LedgerRow[]): Mismatch[] {
  const ours = new Map(bureau.map((r) => [r.code, r.amountFen]));
  const theirs = new Map<string, number>();
  const out: Mismatch[] = [];
  for (const r of bank) theirs.set(r.code, (theirs.get(r.code) ?? 0) + r.amountFen);
  for (const [code, fen] of ours) {
    const bankFen = theirs.get(code);
    if (bankFen === undefined) out.push({ code, kind: "MISSING_AT_BANK", bureauFen: fen });
    else if (bankFen !== fen) out.push({ code, kind: "AMOUNT_DIFFERS", bureauFen: fen, bankFen });
  }
  for (const [code, fen] of theirs) if (!ours.has(code)) out.push({ code, kind: "UNKNOWN_TO_BUREAU", bankFen: fen });
  return out.sort((a, b) => a.code.localeCompare(b.code) || a.kind.localeCompare(b.kind));
}

/**
 * 对账差错处理: how the administrator closes a mismatch — a day-boundary difference (the payment is
 * on the other side's next day: 跨日), money sent back to the payer (退付), a record corrected on
 * either side (更正), or another explanation; each with a written note.
 */
export const MISMATCH_RESOLUTIONS = ["TIMING", "REFUNDED", "CORRECTED", "OTHER"] as const;
export type MismatchResolution = (typeof MISMATCH_RESOLUTIONS)[number];

const RESOLUTIONS_BY_KIND: Record<Mismatch["kind"], readonly MismatchResolution[]> = {
  // The bureau holds a payment the bank's file did not list that day.
  MISSING_AT_BANK: ["TIMING", "CORRECTED", "OTHER"],
  // The bank lists a payment the bureau did not confirm that day (a late payment of an expired code is refunded).
  UNKNOWN_TO_BUREAU: ["TIMING", "REFUNDED", "CORRECTED", "OTHER"],
  // Both hold it, with different amounts: nothing about days explains that.
  AMOUNT_DIFFERS: ["REFUNDED", "CORRECTED", "OTHER"],
};

/** The ways a mismatch of this kind can be closed. */
export function resolutionsFor(kind: Mismatch["kind"]): readonly MismatchResolution[] {
  return RESOLUTIONS_BY_KIND[kind];
}

/** The reconciliation file: a header line, then `code,amountFen,paidAt,bankRef` per payment. */
export function parseReconciliationFile(text: string): { rows: (LedgerRow & { paidAt: string; bankRef: string })[]; problems: number[] } {
  const rows: (LedgerRow & { paidAt: string; bankRef: string })[] = [];
  const problems: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (i === 0 || !raw.trim()) return; // the header
    const [code, fen, paidAt, bankRef] = raw.split(",").map((p) => p.trim());
    if (!isPaymentCode(code ?? "") || !/^\d{1,9}$/.test(fen ?? "") || Number.isNaN(Date.parse(paidAt ?? "")) || !bankRef) return problems.push(i + 1);
    rows.push({ code, amountFen: Number(fen), paidAt, bankRef });
  });
  return { rows, problems };
}
