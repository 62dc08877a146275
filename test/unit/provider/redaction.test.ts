import { describe, expect, it } from "vitest";
import { redactor } from "../../../provider/redaction";

describe("redactor", () => {
  it("replaces every secret value, longest first", () => {
    const redact = redactor(["hunter2", "hunter2-long", ""]);
    expect(redact("token=hunter2-long and hunter2 again")).toBe("token=[secret] and [secret] again");
  });
  it("leaves text alone without secrets", () => {
    expect(redactor([])("plain")).toBe("plain");
  });
});
