import { describe, expect, it } from "vitest";
import { portsText, shortImageId } from "../../../cli/object-columns";

describe("object columns", () => {
  it.each([
    ["sha256:85a2764611891234567890", "85a276461189"],
    ["85a2764611891234567890", "85a276461189"],
    ["", "-"],
  ])("image id %j is shown as %j", (id, expected) => expect(shortImageId(id)).toBe(expected));

  it.each([
    [[], "-"],
    [[{ hostPort: 32768, containerPort: 80, protocol: "tcp" }], "32768->80/tcp"],
    [[{ hostPort: 30001 }, { hostPort: 30002 }], "30001,30002"],
    [[{ hostPort: 53, containerPort: 53, protocol: "udp" }, { hostPort: 8080, containerPort: 80, protocol: "tcp" }], "53->53/udp,8080->80/tcp"],
  ])("ports %j are shown as %j", (ports, expected) => expect(portsText(ports)).toBe(expected));
});
