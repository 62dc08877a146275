import { readinessSchema, type ReadinessProps } from "../readiness/readiness-schema";
import type { DeploymentProps } from "./deployment-schema";

/** The gate a deployment passes: its own readiness, else a TCP connect to its first published tcp port, else none. */
export function effectiveReadiness(props: DeploymentProps): ReadinessProps | undefined {
  if (props.readiness) return props.readiness;
  const first = props.ports.find((p) => p.protocol === "tcp");
  return first ? readinessSchema.parse({ tcpSocket: { port: first.containerPort } }) : undefined;
}
