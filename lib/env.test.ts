// The environment is validated with messages naming the variable, at start-up, and follows changes.
import { afterEach, describe, expect, it } from "vitest";
import { register } from "@/instrumentation";
import { env } from "./env";

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe("env()", () => {
  it("refuses DUE_WARNING_DAYS=abc with a message naming the variable", () => {
    process.env.DUE_WARNING_DAYS = "abc";
    expect(() => env()).toThrow(/^\s*DUE_WARNING_DAYS: /m);
  });

  it("takes DUE_WARNING_DAYS as whole working days from 0 to 20, 3 when unset", () => {
    delete process.env.DUE_WARNING_DAYS;
    expect(env().DUE_WARNING_DAYS).toBe(3);
    process.env.DUE_WARNING_DAYS = "5";
    expect(env().DUE_WARNING_DAYS).toBe(5);
    for (const bad of ["2.5", "-1", "21"]) {
      process.env.DUE_WARNING_DAYS = bad;
      expect(() => env(), bad).toThrow(/DUE_WARNING_DAYS: /);
    }
  });

  it("refuses a PUBLIC_BASE_URL that is not a URL, and treats an empty one as unset", () => {
    process.env.PUBLIC_BASE_URL = "zwfw.example";
    expect(() => env()).toThrow(/PUBLIC_BASE_URL: /);
    process.env.PUBLIC_BASE_URL = "";
    expect(env().PUBLIC_BASE_URL).toBeUndefined();
    process.env.PUBLIC_BASE_URL = "https://zwfw.example.gov.cn";
    expect(env().PUBLIC_BASE_URL).toBe("https://zwfw.example.gov.cn");
  });

  it("sees a variable changed after the first call (tests point each file at its own folder)", () => {
    process.env.UPLOAD_DIR = "/tmp/uploads-a";
    expect(env().UPLOAD_DIR).toBe("/tmp/uploads-a");
    process.env.UPLOAD_DIR = "/tmp/uploads-b";
    expect(env().UPLOAD_DIR).toBe("/tmp/uploads-b");
  });
});

describe("start-up (instrumentation.ts register())", () => {
  it("stops the Node.js server on a bad setting, naming it: no built server is needed to see this", () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.DUE_WARNING_DAYS = "abc";
    expect(() => register()).toThrow(/DUE_WARNING_DAYS: /);
  });

  it("lets it start when the settings are valid", () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.DUE_WARNING_DAYS = "3";
    expect(() => register()).not.toThrow();
  });
});
