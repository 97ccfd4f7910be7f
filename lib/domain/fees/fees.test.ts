import { describe, expect, it } from "vitest";
import { MISMATCH_KINDS, callbackFresh, chargeFees, chargedLinesOf, confirmationProblem, feeLinesOf, feeLinesText, linesByQuantity, quantityHundredths, quantityText, feeTotal, fenToYuan, formatPaymentCode, isPaymentCode, parseFeeLines, parseReconciliationFile, feesUnpaid, paymentFacts, paymentMove, paymentOverdue, reconcile, resolutionsFor, signedPayload, yuanToFen } from "./fees";

describe("fee lines in fen", () => {
  it("reads yuan to exact fen without floating point", () => {
    expect(yuanToFen("12.5")).toBe(1250);
    expect(yuanToFen("0.07")).toBe(7);
    expect(yuanToFen("100")).toBe(10000);
    expect(yuanToFen("0.1")).toBe(10); // 0.1 + 0.2 troubles stay out
    expect(yuanToFen("1.005")).toBeNull();
    expect(yuanToFen("-1")).toBeNull();
    expect(fenToYuan(1250)).toBe("12.50");
    expect(fenToYuan(7)).toBe("0.07");
  });
  it("parses the administrator's lines and names the bad ones", () => {
    const { lines, problems } = parseFeeLines("证书工本费 | 10 | 《财政部 国家发展改革委关于…》\n\n检验费 | 0 | 依据\n登记费|abc|依据\n只有名称\n审查费 | 20.50 | x");
    expect(lines).toEqual([{ name: "证书工本费", amountFen: 1000, basis: "《财政部 国家发展改革委关于…》" }]);
    expect(problems).toEqual([{ line: 3, code: "amount" }, { line: 4, code: "amount" }, { line: 5, code: "format" }, { line: 6, code: "basis" }]);
    expect(feeTotal([...lines, { name: "b", amountFen: 250, basis: "y" }])).toBe(1250);
  });
});

describe("fees charged by quantity (计量收费)", () => {
  const spec = "证照工本费 | 10 | 依据一\n公路路产补偿费（挖掘沥青路面） | 240.00/平方米 | 依据二\n占用费 | 0.33 / 米 | 依据三";
  it("publishes a price per unit, and writes it back as it was given", () => {
    const { lines, problems } = parseFeeLines(spec);
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { name: "证照工本费", amountFen: 1000, basis: "依据一" },
      { name: "公路路产补偿费（挖掘沥青路面）", amountFen: 24000, basis: "依据二", unit: "平方米" },
      { name: "占用费", amountFen: 33, basis: "依据三", unit: "米" },
    ]);
    expect(parseFeeLines(feeLinesText(lines)).lines).toEqual(lines);
    expect(feeLinesOf(JSON.parse(JSON.stringify(lines)))).toEqual(lines);
    expect(linesByQuantity(lines).map((q) => q.index)).toEqual([1, 2]);
    // A unit must be a word: no digits, no second slash, not empty.
    for (const bad of ["费 | 10/ | 依据", "费 | 10/2 | 依据", "费 | 10/米/天 | 依据", "费 | /米 | 依据", "费 | 10/九个字以上的计量单位 | 依据"]) expect(parseFeeLines(bad).problems).toEqual([{ line: 1, code: "amount" }]);
  });
  it("reads a quantity to exact hundredths: more than 0, at most two decimals, below a million", () => {
    expect(quantityHundredths("20")).toBe(2000);
    expect(quantityHundredths(" 12.5 ")).toBe(1250);
    expect(quantityHundredths("0.01")).toBe(1);
    for (const bad of ["0", "0.00", "-1", "1.005", "1e3", "1000000", "", "二十"]) expect(quantityHundredths(bad)).toBeNull();
    expect(quantityText(2000)).toBe("20");
    expect(quantityText(1250)).toBe("12.5");
    expect(quantityText(1205)).toBe("12.05");
  });
  it("charges price × quantity, rounded half up to the fen; a missing or bad quantity is named by its line", () => {
    const { lines } = parseFeeLines(spec);
    const charged = chargeFees(lines, { "1": "20", "2": "1.5" });
    expect(charged).toEqual({
      ok: true,
      lines: [
        { name: "证照工本费", amountFen: 1000, basis: "依据一" },
        { name: "公路路产补偿费（挖掘沥青路面）", amountFen: 480_000, basis: "依据二", unit: "平方米", unitFen: 24000, quantity: "20" },
        // 0.33 × 1.5 = 0.495 元 → 0.50 元
        { name: "占用费", amountFen: 50, basis: "依据三", unit: "米", unitFen: 33, quantity: "1.5" },
      ],
    });
    expect(feeTotal((charged as { lines: { amountFen: number }[] }).lines)).toBe(481_050);
    expect(chargedLinesOf(JSON.parse(JSON.stringify((charged as { lines: unknown[] }).lines)))).toEqual((charged as { lines: unknown[] }).lines);
    expect(chargeFees(lines, { "1": "20" })).toEqual({ ok: false, problems: [{ index: 2, code: "quantity" }] });
    expect(chargeFees(lines, { "1": "abc", "2": "0" })).toEqual({ ok: false, problems: [{ index: 1, code: "quantity" }, { index: 2, code: "quantity" }] });
    // Above the ceiling of one million yuan: refused, not wrapped or rounded away.
    expect(chargeFees(lines, { "1": "999999.99", "2": "1" })).toEqual({ ok: false, problems: [{ index: 1, code: "amount" }] });
    // Fixed lines only: nothing to give.
    expect(chargeFees(lines.slice(0, 1), {})).toEqual({ ok: true, lines: [lines[0]] });
  });
});

describe("payment codes", () => {
  it("are 20 digits with a check digit that catches a mistyped digit or a swap", () => {
    const code = formatPaymentCode("511602", 2026, 12);
    expect(code).toMatch(/^511602202600000001\d\d$/);
    expect(isPaymentCode(code)).toBe(true);
    let caught = 0;
    for (let i = 0; i < 19; i++) {
      const d = Number(code[i]);
      const typo = code.slice(0, i) + String((d + 1) % 10) + code.slice(i + 1);
      if (!isPaymentCode(typo)) caught++;
    }
    expect(caught).toBe(19);
    expect(() => formatPaymentCode("5116", 2026, 1)).toThrow(RangeError);
  });
});

describe("payment notices", () => {
  it("are paid once, only while issued, only for their exact amount", () => {
    expect(paymentMove("ISSUED", "CONFIRM_PAID")).toBe("PAID");
    expect(paymentMove("PAID", "CONFIRM_PAID")).toBeNull();
    expect(paymentMove("EXPIRED", "CONFIRM_PAID")).toBeNull();
    expect(paymentMove("ISSUED", "EXPIRE")).toBe("EXPIRED");
    expect(paymentMove("EXPIRED", "REISSUE")).toBe("ISSUED");
    expect(paymentMove("ISSUED", "REISSUE")).toBeNull();
    expect(paymentMove("PAID", "EXPIRE")).toBeNull();
    expect(paymentFacts("ISSUED")).toEqual({ paid: false, payable: true, reissuable: false });
    expect(paymentFacts("PAID")).toEqual({ paid: true, payable: false, reissuable: false });
    expect(paymentFacts("EXPIRED")).toEqual({ paid: false, payable: false, reissuable: true });
    expect(paymentFacts("CANCELLED")).toEqual({ paid: false, payable: false, reissuable: false });
    expect([null, { state: "PAID" as const }, { state: "ISSUED" as const }, { state: "EXPIRED" as const }].map(feesUnpaid)).toEqual([false, false, true, true]);
    expect(paymentOverdue("2026-12-07", "2026-12-07")).toBe(false);
    expect(paymentOverdue("2026-12-07", "2026-12-08")).toBe(true);
    expect(confirmationProblem({ amountFen: 1000, state: "ISSUED" }, { amountFen: 999 })).toBe("AMOUNT_MISMATCH");
    expect(confirmationProblem({ amountFen: 1000, state: "CANCELLED" }, { amountFen: 1000 })).toBe("NOT_PAYABLE");
    expect(confirmationProblem({ amountFen: 1000, state: "ISSUED" }, { amountFen: 1000 })).toBeNull();
  });
  it("accept a signed callback only within five minutes, over timestamp and body together", () => {
    const now = Date.UTC(2026, 11, 1, 8, 0, 0);
    expect(callbackFresh(now / 1000 - 299, now)).toBe(true);
    expect(callbackFresh(now / 1000 + 301, now)).toBe(false);
    expect(callbackFresh(1.5, now)).toBe(false);
    expect(signedPayload(1764576000, '{"a":1}')).toBe('1764576000.{"a":1}');
  });
});

describe("the daily reconciliation", () => {
  it("finds every difference between the bureau's paid notices and the bank's file", () => {
    const a = formatPaymentCode("511602", 2026, 1);
    const b = formatPaymentCode("511602", 2026, 2);
    const c = formatPaymentCode("511602", 2026, 3);
    const d = formatPaymentCode("511602", 2026, 4);
    const file = `code,amountFen,paidAt,bankRef\n${a},1000,2026-12-01T09:00:00+08:00,B1\n${b},500,2026-12-01T10:00:00+08:00,B2\n${d},300,2026-12-01T11:00:00+08:00,B4\nbad,1,x,\n`;
    const parsed = parseReconciliationFile(file);
    expect(parsed.problems).toEqual([5]);
    expect(reconcile([{ code: a, amountFen: 1000 }, { code: b, amountFen: 700 }, { code: c, amountFen: 200 }], parsed.rows)).toEqual([
      { code: b, kind: "AMOUNT_DIFFERS", bureauFen: 700, bankFen: 500 },
      { code: c, kind: "MISSING_AT_BANK", bureauFen: 200 },
      { code: d, kind: "UNKNOWN_TO_BUREAU", bankFen: 300 },
    ]);
    expect(reconcile([{ code: a, amountFen: 1000 }], [{ code: a, amountFen: 1000 }])).toEqual([]);
  });
});

describe("closing a mismatch (对账差错处理)", () => {
  it("offers the ways that fit its kind: a day-boundary difference never explains different amounts, a refund never a payment the bank lacks", () => {
    expect(resolutionsFor("AMOUNT_DIFFERS")).not.toContain("TIMING");
    expect(resolutionsFor("MISSING_AT_BANK")).not.toContain("REFUNDED");
    expect(resolutionsFor("UNKNOWN_TO_BUREAU")).toEqual(["TIMING", "REFUNDED", "CORRECTED", "OTHER"]);
    for (const kind of MISMATCH_KINDS) expect(resolutionsFor(kind)).toContain("OTHER");
  });
});
