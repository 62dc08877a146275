import type { KeyHints } from "../validation/check-inputs";

const READINESS_IS_NOT_HEALTHCHECK =
  "`readiness` is berth's gate on create and replace, not Docker's HEALTHCHECK; write Docker's as the top-level `healthcheck: { test, interval, timeout, retries, startPeriod }` and gate on it with `readiness: { dockerHealthcheck: true }` (the gate a Deployment uses by default when it has a `healthcheck` and no `readiness`)";

const HEALTHCHECK_IS_NOT_READINESS =
  "`healthcheck` is Docker's HEALTHCHECK and takes only `test`, `interval`, `timeout`, `retries` and `startPeriod`; berth's probes and their timing belong in `readiness`";

const READINESS_KEYS = ["httpGet", "tcpSocket", "exec", "logLine", "dockerHealthcheck", "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold", "deadlineSeconds"];

/**
 * Keys people bring from compose or mix up between Docker's healthcheck and
 * berth's readiness, on the container resources that take both.
 */
export const CONTAINER_KEY_HINTS: KeyHints = {
  ...Object.fromEntries(["healthcheck", "healthCheck", "test", "interval", "retries", "startPeriod", "start_period"].map((key) => [`readiness.${key}`, READINESS_IS_NOT_HEALTHCHECK])),
  ...Object.fromEntries(READINESS_KEYS.map((key) => [`healthcheck.${key}`, HEALTHCHECK_IS_NOT_READINESS])),
  "healthcheck.disable": "write `test: [\"NONE\"]` to turn off the image's HEALTHCHECK",
  "healthcheck.start_period": "write `startPeriod`",
  environment: "write `env`",
  depends_on:
    "order with Pulumi's `dependsOn` resource option; with `readiness` (or a `healthcheck`) on the dependency, berth creates the dependent only once the dependency is ready, as compose's `condition: service_healthy` does",
  dependsOn: "`dependsOn` is a Pulumi resource option: pass it in the third argument, `{ dependsOn: [db] }`",
  deploy: "compose's `deploy.resources` are `cpus`, `memory` and `gpus`; replicas are a `Service`'s",
  build: "berth runs images, it does not build them; build and push the image first, then give it as `image`",
  profiles: "a Pulumi program chooses what it creates: wrap the resource in an `if` on stack config",
  container_name: "write `name`",
  working_dir: "write `workdir`",
  cap_add: "berth does not take capabilities one by one; `privileged: true` grants all (never on by default)",
};
