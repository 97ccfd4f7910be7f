import { describe, expect, it } from "vitest";
import { requestProblem } from "./request-shape";

describe("requestProblem", () => {
  it("passes ordinary paths and queries, Chinese included, and newlines in a form field's value", () => {
    expect(requestProblem("/items", "?q=%E9%A3%9F%E5%93%81&page=2")).toBeNull();
    expect(requestProblem("/items/511A0005200006-511602000000-000-115113016823646795-1-00", "")).toBeNull();
    expect(requestProblem("/office/window", "?q=511602-2026&order=newest")).toBeNull();
    expect(requestProblem("/x", "?note=a%0Ab")).toBeNull();
  });

  it("refuses NUL and other control characters, malformed encodings and repeated parameters", () => {
    expect(requestProblem("/items/%00", "")).toBe("CONTROL_CHARACTER");
    expect(requestProblem("/files/%0A", "")).toBe("CONTROL_CHARACTER");
    expect(requestProblem("/items", "?q=%00")).toBe("CONTROL_CHARACTER");
    expect(requestProblem("/items", "?q%01=1")).toBe("CONTROL_CHARACTER");
    expect(requestProblem("/items/%E9%A3", "")).toBe("MALFORMED_ENCODING");
    expect(requestProblem("/items", "?q=%zz")).toBe("MALFORMED_ENCODING");
    expect(requestProblem("/office/supervision", "?number=a&number=b")).toBe("REPEATED_PARAMETER");
  });
});
