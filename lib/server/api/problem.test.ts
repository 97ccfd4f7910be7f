import { describe, expect, it } from "vitest";
import { API_PROBLEM_CODES, apiProblemCode, PROBLEM_STATUS, problemLanguage, problemResponse, problemTitle } from "./problem";

describe("the open API's problems", () => {
  it("every code has a status and a title in both languages (the English one without Chinese)", () => {
    for (const code of API_PROBLEM_CODES) {
      expect(PROBLEM_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(problemTitle(code, "zh-CN")).toMatch(/\p{Script=Han}/u);
      expect(problemTitle(code, "en")).toMatch(/^[^\p{Script=Han}]+$/u);
    }
  });

  it("a domain refusal the API does not name is a conflict", () => {
    expect(apiProblemCode("NOT_FOUND")).toBe("NOT_FOUND");
    expect(apiProblemCode("CALENDAR_YEAR_MISSING")).toBe("CONFLICT");
  });

  it("speaks Chinese unless the client prefers English", () => {
    expect(problemLanguage(null)).toBe("zh-CN");
    expect(problemLanguage("en-US,en;q=0.9")).toBe("en");
    expect(problemLanguage("zh-CN,en;q=0.5")).toBe("zh-CN");
  });

  it("is RFC 9457 problem+json pointing at its code's anchor on /developers", async () => {
    const res = problemResponse("TOO_MANY_ATTEMPTS", { lang: "en", detail: "rate", instance: "/api/v1/items", headers: { "Retry-After": "7" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await res.json()).toEqual({ type: "/developers#problem-TOO_MANY_ATTEMPTS", title: "Too many requests; try again later", status: 429, code: "TOO_MANY_ATTEMPTS", detail: "rate", instance: "/api/v1/items" });
  });
});
