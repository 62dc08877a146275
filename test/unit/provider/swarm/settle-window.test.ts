import { describe, expect, it } from "vitest";
import { SETTLE_MS, settleMs } from "../../../../provider/swarm/settle-window";
import { swarmServiceSchema } from "../../../../provider/swarm/swarm-service-schema";

const owner = { project: "p", stack: "s", resource: "r" };
const props = (extra: Record<string, unknown>) => swarmServiceSchema.parse({ host: "unix:///run/m.sock", owner, image: "berth.local/web:latest", replicas: 3, ...extra });

describe("settleMs", () => {
  it.each([
    ["a new service", {}, { rolls: false }, SETTLE_MS],
    ["a new service with readiness (its healthcheck)", { readiness: { exec: { command: ["true"] } } }, { rolls: false }, 0],
    ["a rolling update the swarm watched (rollback, 5 s monitor)", {}, { rolls: true, previousReplicas: 3 }, 0],
    ["a rolling update under `pause`, 1 s monitor", { update: { failureAction: "pause", monitorSeconds: 1 } }, { rolls: true, previousReplicas: 3 }, 0],
    ["a rolling update that also adds replicas (started unwatched)", {}, { rolls: true, previousReplicas: 2 }, SETTLE_MS],
    ["a rolling update that removes replicas", {}, { rolls: true, previousReplicas: 5 }, 0],
    ["a rolling update under `continue` (failures do not stop it)", { update: { failureAction: "continue" } }, { rolls: true, previousReplicas: 3 }, SETTLE_MS],
    ["a rolling update tolerating failures", { update: { maxFailureRatio: 0.2 } }, { rolls: true, previousReplicas: 3 }, SETTLE_MS],
    ["a rolling update watched less than the window", { update: { monitorSeconds: 0.5 } }, { rolls: true, previousReplicas: 3 }, SETTLE_MS],
    ["a change that rolls no task (a scale)", {}, { rolls: false, previousReplicas: 3 }, SETTLE_MS],
    ["a global service's rolling update", { mode: "global", replicas: undefined }, { rolls: true }, 0],
  ])("%s", (_what, extra, attempt, expected) => {
    expect(settleMs(props(extra), attempt)).toBe(expected);
  });
});
