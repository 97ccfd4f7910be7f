import { describe, expect, it } from "vitest";
import { fillTemplate, templateParts } from "./fill-template";

describe("templates", () => {
  it("fill placeholders (missing ones empty), or keep words and values apart for marking", () => {
    expect(fillTemplate("Your application ({item}) is {state}.", { item: "食品经营许可", state: "accepted" })).toBe("Your application (食品经营许可) is accepted.");
    expect(fillTemplate("{a}-{b}", { a: 1 })).toBe("1-");
    expect(templateParts("Your application ({item}) was accepted.", { item: "食品经营许可" })).toEqual([
      { text: "Your application (", value: false },
      { text: "食品经营许可", value: true },
      { text: ") was accepted.", value: false },
    ]);
    expect(templateParts("{n}", { n: 3 })).toEqual([{ text: "3", value: true }]);
  });
});
