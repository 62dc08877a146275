export { systemClock, type Clock } from "./clock";
export { retryUntil, WaitTimeoutError, type RetryOptions } from "./retry-until";
export { waitUntilReady, waitUntilSettled } from "./wait-until-ready";
export type { GateTarget } from "./gate-target";
export { containerLogTail } from "../docker/container-logs";
export { readinessSchema, type ReadinessProps, type PortRef } from "./readiness-schema";
