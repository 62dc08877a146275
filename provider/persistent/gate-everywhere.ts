import type Docker from "dockerode";
import { probeAddress } from "../host/host-schema";
import { waitUntilReady } from "../readiness";
import { secretsRedactor } from "../redaction";
import { allOrError, hostProgress, onEveryHost, type Member } from "./host-set";
import type { PersistentContainerProps } from "./persistent-container-schema";

/** Gates every host's container on the readiness probes, all hosts at once. */
export async function gateEverywhere(props: PersistentContainerProps, containers: Array<{ member: Member; info: Docker.ContainerInspectInfo }>): Promise<void> {
  const readiness = props.readiness;
  if (!readiness) return;
  const redact = secretsRedactor(props);
  const settled = await onEveryHost(
    containers.map((c) => c.member),
    (member) =>
      waitUntilReady(readiness, {
        docker: member.docker,
        containerId: containers.find((c) => c.member === member)!.info.Id,
        probeAddress: probeAddress(member.host),
        // With host networking the container's ports are the host's ports.
        hostPortFor: (ref) => (typeof ref === "number" ? ref : undefined),
        subject: `PersistentContainer "${props.owner.resource}" on host ${member.host.url}`,
        redact,
        onProgress: hostProgress(props, member),
      }),
  );
  allOrError(props, "readiness", settled);
}
