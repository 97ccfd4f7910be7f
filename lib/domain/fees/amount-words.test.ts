import { describe, expect, it } from "vitest";
import { amountInChineseCapitals } from "./amount-words";

describe("大写金额", () => {
  it.each([
    [0, "零元整"],
    [5, "伍分"],
    [50, "伍角整"],
    [1000, "壹拾元整"],
    [1005, "壹拾元零伍分"],
    [5050, "伍拾元伍角整"],
    [123456, "壹仟贰佰叁拾肆元伍角陆分"],
    [100500, "壹仟零伍元整"],
    [1000100, "壹万零壹元整"],
    [10000000, "壹拾万元整"],
    [100000000, "壹佰万元整"],
    [10000000000, "壹亿元整"],
    [10000010000, "壹亿零壹佰元整"],
    [2000300000, "贰仟万零叁仟元整"],
  ])("%i fen → %s", (fen, words) => {
    expect(amountInChineseCapitals(fen)).toBe(words);
  });

  it("refuses fractions of a fen and negative amounts", () => {
    expect(() => amountInChineseCapitals(1.5)).toThrow(RangeError);
    expect(() => amountInChineseCapitals(-1)).toThrow(RangeError);
  });
});
