import { describe, expect, it } from "vitest";
import { redactor } from "../../../provider/redaction";

describe("redactor", () => {
  it("replaces every secret value, longest first", () => {
    const redact = redactor(["hunter2", "hunter2-long", ""]);
    expect(redact("token=hunter2-long and hunter2 again")).toBe("token=[secret] and [secret] again");
  });
  it("replaces each substantial line of a multi-line secret, since output is read line by line", () => {
    const key = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0\n}\n-----END KEY-----";
    const redact = redactor([key]);
    expect(redact(`loaded ${key}`)).toBe("loaded [secret]");
    expect(redact("line: MIIEvQIBADANBgkqhkiG9w0\nbrace }")).toBe("line: [secret]\nbrace }");
  });
  it("leaves text alone without secrets", () => {
    expect(redactor([])("plain")).toBe("plain");
  });
});
