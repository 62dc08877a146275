import { describe, expect, it } from "vitest";
import { imageText, portsText, shortImageId, statusCell, taskName, taskStatusCell } from "../../../cli/object-columns";
import { style } from "../../../cli/style";
import { container, service, volume } from "./objects";

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

  it.each([
    ["berth-test/web:1", "sha256:85a2764611891234", "berth-test/web:1"],
    ["sha256:85a27646118912345678901234567890123456789012345678901234567890ab", "sha256:85a27646118912345678901234567890123456789012345678901234567890ab", "85a276461189"],
    ["", "sha256:85a2764611891234", "85a276461189"],
  ])("image %j (id %j) is shown as %j", (image, imageId, expected) => expect(imageText(container("web", { image, imageId }))).toBe(expected));

  const paint = style(true);
  it.each([
    [container("web", { status: "Up 3 minutes (healthy)", health: "healthy" }), "Up 3 minutes (healthy)", paint.green],
    [container("web", { status: "Up 3 seconds (health: starting)", health: "starting" }), "Up 3 seconds (health: starting)", paint.yellow],
    [container("web", { status: "Up 1 hour (unhealthy)", health: "unhealthy" }), "Up 1 hour (unhealthy)", paint.red],
    [container("web", { state: "exited", status: "Exited (137) 2 minutes ago" }), "Exited (137) 2 minutes ago", paint.red],
    [container("web", { state: "created", status: "Created" }), "Created", paint.yellow],
    [volume("data", { usedBy: ["web"] }), "in use", paint.green],
    [volume("data"), "unused", paint.dim],
  ])("status of %j", (object, text, color) => {
    const cell = statusCell(object, paint);
    expect(cell.text).toBe(text);
    expect(cell.paint!("x")).toBe(color("x"));
  });

  it.each([
    [service("web"), "2/2 running", paint.green],
    [service("web", { running: 1 }), "1/2 running", paint.yellow],
    [service("web", { running: 0 }), "0/2 running", paint.red],
    [service("web", { desired: 0, running: 0 }), "0/0 running", paint.green],
    [service("web", { update: "rollback_started" }), "2/2 running (rollback started)", paint.yellow],
  ])("service status %#", (object, text, color) => expect(statusCell(object, paint)).toEqual({ text, paint: color }));

  it.each([
    [{ state: "running" }, "running", paint.green],
    [{ state: "pending", error: "no suitable node" }, "pending: no suitable node", paint.yellow],
    [{ state: "rejected", error: "No such image" }, "rejected: No such image", paint.red],
  ])("task status %j", (overrides, text, color) => {
    expect(taskStatusCell({ ...service("web").tasks[0], ...overrides }, paint)).toEqual({ text, paint: color });
  });

  it("names a task by its replica number, a global service's task by its short id", () => {
    const web = service("web");
    expect(taskName(web, web.tasks[1])).toBe(`${web.name}.2`);
    expect(taskName(web, { ...web.tasks[0], slot: undefined, id: "abcdef0123456789" })).toBe(`${web.name}.abcdef012345`);
  });
});
