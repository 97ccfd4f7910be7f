import { describe, expect, it } from "vitest";
import { boundedQuery, likeLiteral, MAX_QUERY_LENGTH, searchCharacters, searchWords } from "./search-terms";

describe("catalogue search terms", () => {
  it("takes % and _ literally", () => {
    expect(likeLiteral("100%")).toBe("100\\%");
    expect(likeLiteral("a_b")).toBe("a\\_b");
    expect(likeLiteral("a\\b")).toBe("a\\\\b");
    expect(likeLiteral("食品经营")).toBe("食品经营");
  });

  it("cuts an over-long query to the maximum and says so, counting characters, not bytes", () => {
    expect(boundedQuery("  食品  经营 ")).toEqual({ q: "食品 经营", tooLong: false });
    const long = "食".repeat(MAX_QUERY_LENGTH + 5);
    expect(boundedQuery(long)).toEqual({ q: "食".repeat(MAX_QUERY_LENGTH), tooLong: true });
  });

  it("splits words on spaces, and a Chinese query into its distinct characters", () => {
    expect(searchWords("食品 经营")).toEqual(["食品", "经营"]);
    expect(searchCharacters("食品经营许可")).toEqual(["食", "品", "经", "营", "许", "可"]);
    expect(searchCharacters("食品（经营）")).toEqual(["食", "品", "经", "营"]);
    expect(searchCharacters("permit")).toEqual([]);
  });
});
