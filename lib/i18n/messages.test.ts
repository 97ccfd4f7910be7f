import { describe, expect, it } from "vitest";
import zh from "./messages/zh-CN.json";
import en from "./messages/en.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("messages", () => {
  it("Chinese and English define the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("every action an application's history lists has a message", async () => {
    const { APPLICATION_TRAIL_ACTIONS, trailMessageKey } = await import("@/lib/domain/audit/application-trail");
    for (const action of APPLICATION_TRAIL_ACTIONS) {
      expect(zh.application.events, action).toHaveProperty(trailMessageKey(action));
      expect(en.application.events, action).toHaveProperty(trailMessageKey(action));
    }
  });

  it("every error code has a message", async () => {
    const { ERROR_CODES } = await import("@/lib/errors");
    for (const code of ERROR_CODES) {
      expect(zh.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });
});
