import { describe, expect, it } from "vitest";
import { withinLimit } from "./attempt-limit";

describe("lookup attempt limit", () => {
  const limit = { max: 3, windowMs: 1000 };
  it("allows up to max failures in the window, then refuses until they age out", () => {
    expect(withinLimit([100, 200], 500, limit).allowed).toBe(true);
    expect(withinLimit([100, 200, 300], 500, limit).allowed).toBe(false);
    expect(withinLimit([100, 200, 300], 1150, limit)).toEqual({ recent: [200, 300], allowed: true });
  });
});
