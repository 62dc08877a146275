import { readinessSchema, type GateReadiness } from "../readiness/readiness-schema";
import type { DeploymentProps } from "./deployment-schema";

/**
 * The gate a deployment passes: its own readiness; else its own `healthcheck`
 * reporting healthy, failing once Docker reports it unhealthy (compose's
 * `service_healthy`); else a TCP connect to its first published tcp port; else none.
 */
export function effectiveReadiness(props: DeploymentProps): GateReadiness | undefined {
  if (props.readiness) return props.readiness;
  if (props.healthcheck && props.healthcheck.test[0] !== "NONE") {
    const { interval, retries, startPeriod } = props.healthcheck;
    // Long enough for the start period and a full run of failing checks, and never shorter than the usual gate.
    const deadlineSeconds = Math.max(120, startPeriod + interval * (retries + 1) + props.healthcheck.timeout);
    return { ...readinessSchema.parse({ dockerHealthcheck: true, deadlineSeconds }), unhealthyIsFinal: true };
  }
  const first = props.ports.find((p) => p.protocol === "tcp");
  return first ? readinessSchema.parse({ tcpSocket: { port: first.containerPort } }) : undefined;
}
