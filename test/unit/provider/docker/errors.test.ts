import { describe, expect, it } from "vitest";
import { dockerMessage } from "../../../../provider/docker/errors";

describe("dockerMessage", () => {
  it.each([
    ["the daemon's own sentence", { statusCode: 404, json: { message: "No such container: x" } }, "No such container: x"],
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED /x.sock"), { code: "ECONNREFUSED" }), "the daemon does not answer (ECONNREFUSED)"],
    ["a timeout", Object.assign(new Error("timeout"), {}), "the daemon did not answer in time"],
    [
      "a connection closed in the middle of a call",
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      "the connection to the daemon closed before it answered (socket hang up); the call may or may not have taken effect",
    ],
    ["any other error", new Error("something else"), "something else"],
  ])("%s", (_case, err, message) => {
    expect(dockerMessage(err)).toBe(message);
  });
});
