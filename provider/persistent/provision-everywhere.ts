import { logTail } from "../docker/log-tail";
import { secretsRedactor } from "../redaction";
import { failure, hostProgress, onEveryHost, type Member } from "./host-set";
import type { PersistentContainerProps } from "./persistent-container-schema";
import { provision, type SetupScript } from "./provision";

const OUTPUT_TAIL_LINES = 20;

/**
 * Runs the setup script in each target's container, on all hosts at once,
 * telling the user how each host's run goes. Any host failing fails the step
 * with that host's exit code and last output lines, secrets redacted.
 */
export async function provisionEverywhere(
  props: PersistentContainerProps,
  targets: Array<{ member: Member; containerId: string }>,
  script: SetupScript,
  body: Buffer,
): Promise<void> {
  const redact = secretsRedactor(props);
  const outcomes = await onEveryHost(
    targets.map((t) => t.member),
    (member) => {
      const containerId = targets.find((t) => t.member === member)!.containerId;
      return provision(member.docker, containerId, script, body, { report: hostProgress(props, member), redact });
    },
  );
  for (const outcome of outcomes) {
    if (!outcome.ok) throw failure(props, `the setup script could not run on host ${outcome.member.host.url}: ${redact(outcome.error)}`);
    if (outcome.value.exitCode !== 0) {
      throw failure(
        props,
        `the setup script failed on host ${outcome.member.host.url} with exit code ${outcome.value.exitCode}; its last output lines:\n${logTail([Buffer.from(outcome.value.output)], true, { lines: OUTPUT_TAIL_LINES, redact, settled: true })}\n`,
      );
    }
  }
}
