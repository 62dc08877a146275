import { Writable, type Readable } from "stream";
import type Docker from "dockerode";
import { dockerMessage } from "../docker/errors";
import { log } from "../log";
import { LineMatchCounter } from "./line-match-counter";
import type { ReadinessProbe } from "./readiness-probe";

function feeding(counter: LineMatchCounter): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      counter.feed(chunk);
      done();
    },
  });
}

/**
 * Ready once `times` lines of the container's stdout and stderr, written by
 * its current run, match the pattern: lines an earlier run wrote before a
 * stop or a restart never count. One follow stream feeds the counters, so an
 * attempt only reads a number instead of re-reading the whole log.
 */
export class LogLineProbe implements ReadinessProbe {
  // One counter per stream: a line half-written on stdout must not be glued to one from stderr.
  private readonly stdout: LineMatchCounter;
  private readonly stderr: LineMatchCounter;
  private following?: Promise<Readable>;

  constructor(
    private readonly docker: Docker,
    private readonly containerId: string,
    private readonly pattern: RegExp,
    private readonly times: number,
    /** From `currentRunLogSince`: where the current run's lines begin. */
    private readonly since: string | undefined,
  ) {
    this.stdout = new LineMatchCounter(pattern);
    this.stderr = new LineMatchCounter(pattern);
  }

  describe(): string {
    return `${this.times} log line${this.times === 1 ? "" : "s"} matching /${this.pattern.source}/`;
  }

  async check(): Promise<void> {
    this.following ??= this.follow();
    await this.following;
    const seen = this.stdout.count + this.stderr.count;
    if (seen < this.times) throw new Error(`matched ${seen} of ${this.times} times so far`);
  }

  close(): void {
    void this.following?.then((stream) => stream.destroy(), () => undefined);
  }

  private async follow(): Promise<Readable> {
    try {
      const stream = (await this.docker.getContainer(this.containerId).logs({ follow: true, stdout: true, stderr: true, ...(this.since ? { since: this.since } : {}) })) as Readable;
      // Unheard, a stream error would crash the provider process; the count simply stops growing.
      stream.on("error", (err) => log.readiness("%s log stream failed: %s", this.containerId.slice(0, 12), err.message));
      // Reassembles frames split across chunks; under a TTY everything is stdout.
      this.docker.modem.demuxStream(stream, feeding(this.stdout), feeding(this.stderr));
      return stream;
    } catch (err) {
      this.following = undefined;
      throw new Error(`could not follow the container log: ${dockerMessage(err)}`);
    }
  }
}
