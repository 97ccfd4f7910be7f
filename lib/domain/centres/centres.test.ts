import { describe, expect, it } from "vitest";
import { centreMayFile, isCentreCode, onClerksDesk } from "./centres";

describe("township centres", () => {
  it("a centre's clerk files only delegated items; the hall any", () => {
    expect(centreMayFile(null, false)).toBe(true);
    expect(centreMayFile("c1", true)).toBe(true);
    expect(centreMayFile("c1", false)).toBe(false);
  });
  it("each filing is answered at its own desk", () => {
    expect(onClerksDesk(null, null)).toBe(true);
    expect(onClerksDesk("c1", "c1")).toBe(true);
    expect(onClerksDesk("c1", null)).toBe(false);
    expect(onClerksDesk(null, "c1")).toBe(false);
  });
  it("codes", () => {
    expect(isCentreCode("NH-01")).toBe(true);
    expect(isCentreCode("浓洄")).toBe(false);
  });
});
