import { describe, expect, it } from "vitest";
import { attemptKeys, PER_CLIENT, PER_CLIENT_AND_SUBJECT } from "./attempt-limit";

describe("lookup attempt keys", () => {
  it("count per client and per client-and-subject, never per subject alone (a flood elsewhere cannot block the owner)", () => {
    const keys = attemptKeys("511602-20261130-00001", "10.0.0.7");
    expect(keys).toEqual([
      { key: "cs:10.0.0.7:511602-20261130-00001", limit: PER_CLIENT_AND_SUBJECT },
      { key: "c:10.0.0.7", limit: PER_CLIENT },
    ]);
    for (const { key } of keys) expect(key).toContain("10.0.0.7");
  });
});

describe("clients without a telling address", () => {
  it("share no cross-subject budget (one guesser would spend everybody's), only the per-subject one", () => {
    for (const client of ["local", "unknown", "", "127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(attemptKeys("n1", client).map((k) => k.limit)).toEqual([PER_CLIENT_AND_SUBJECT]);
    }
    expect(attemptKeys("n1", "203.0.113.9")).toHaveLength(2);
  });
});
