import { describe, expect, it } from "vitest";
import { groupedFields } from "./form-fields";

describe("a form's prefixed fields gathered into one record", () => {
  it("keys them by the rest of their name, keeps the other text fields, and skips files", () => {
    const fd = new FormData();
    fd.set("applicationId", "a1");
    fd.set("quantities.1", "12.5");
    fd.set("quantities.3", "");
    fd.set("quantitiesX", "not in the group");
    fd.set("upload", new Blob(["x"]), "x.pdf");
    expect(groupedFields(fd, "quantities.")).toEqual({ fields: { applicationId: "a1", quantitiesX: "not in the group" }, group: { "1": "12.5", "3": "" } });
    expect(groupedFields(new FormData(), "f.")).toEqual({ fields: {}, group: {} });
  });
});
