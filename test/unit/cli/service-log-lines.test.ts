import { describe, expect, it } from "vitest";
import type { LogFrame } from "../../../cli/log-frames";
import { ServiceLogLines } from "../../../cli/service-log-lines";

const details = (node: string, task: string) => `com.docker.swarm.node.id=${node},com.docker.swarm.service.id=svc,com.docker.swarm.task.id=${task}`;
const frame = (stream: LogFrame["stream"], text: string): LogFrame => ({ stream, payload: Buffer.from(text) });
const TS = "2024-05-01T12:00:00.123456789Z";

describe("ServiceLogLines", () => {
  it("names each line's node and task and keeps its stream", () => {
    const lines = new ServiceLogLines(false);
    expect(lines.push(frame("stdout", `${details("n1", "t1")} hello world\n`))).toEqual([{ stream: "stdout", nodeId: "n1", taskId: "t1", text: "hello world" }]);
    expect(lines.push(frame("stderr", `${details("n2", "t2")} oops\n`))).toEqual([{ stream: "stderr", nodeId: "n2", taskId: "t2", text: "oops" }]);
  });

  it("joins a long message Docker split in parts per task and stream, though other tasks' lines come between, with the first part's timestamp", () => {
    const lines = new ServiceLogLines(true);
    expect(lines.push(frame("stdout", `${TS} ${details("n1", "t1")} first half `))).toEqual([]);
    expect(lines.push(frame("stdout", `2024-05-01T12:00:01Z ${details("n2", "t2")} other task\n`))).toEqual([
      { stream: "stdout", nodeId: "n2", taskId: "t2", text: "2024-05-01T12:00:01Z other task" },
    ]);
    expect(lines.push(frame("stderr", `2024-05-01T12:00:02Z ${details("n1", "t1")} same task, stderr\n`))).toHaveLength(1);
    expect(lines.push(frame("stdout", `2024-05-01T12:00:03Z ${details("n1", "t1")} second half\n`))).toEqual([
      { stream: "stdout", nodeId: "n1", taskId: "t1", text: `${TS} first half second half` },
    ]);
  });

  it("gives a last line without a newline when the log ends", () => {
    const lines = new ServiceLogLines(false);
    expect(lines.push(frame("stdout", `${details("n1", "t1")} no newline`))).toEqual([]);
    expect(lines.flush()).toEqual([{ stream: "stdout", nodeId: "n1", taskId: "t1", text: "no newline" }]);
    expect(lines.flush()).toEqual([]);
  });

  it("decodes query-escaped detail values", () => {
    const lines = new ServiceLogLines(false);
    expect(lines.push(frame("stdout", "com.docker.swarm.node.id=a%2Cb,com.docker.swarm.task.id=t+1 text\n"))[0]).toMatchObject({ nodeId: "a,b", taskId: "t 1" });
  });
});
