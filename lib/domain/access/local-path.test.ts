import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localPath } from "./local-path";

describe("localPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(localPath("/my/applications/abc?upload=ok", "/home")).toBe("/my/applications/abc?upload=ok");
    expect(localPath("/items/%E9%A3%9F%E5%93%81", "/home")).toBe("/items/%E9%A3%9F%E5%93%81");
    expect(localPath("/items/食品", "/home")).toBe("/items/%E9%A3%9F%E5%93%81");
  });

  it("refuses everything that a browser could take to another site", () => {
    for (const bad of ["//evil.example/", "/\\evil.example", "/\t/evil.example/", "/\n/evil.example", "/\r\n/evil.example", "https://evil.example/", "evil.example", "javascript:alert(1)", "/%00", "/\u0000x", "", " /x", null, undefined, 42]) {
      expect(localPath(bad, "/home")).toBe(bad === "/%00" ? "/%00" : "/home");
    }
  });

  it("whatever comes in, what goes out starts with one slash and resolves on this site", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const out = localPath(s, "/home");
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(/[\u0000-\u001f\u007f\\]/.test(out)).toBe(false);
        expect(new URL(out, "http://local.invalid").origin).toBe("http://local.invalid");
      }),
      { numRuns: 3000 },
    );
  });
});
