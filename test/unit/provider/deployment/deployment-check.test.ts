import { describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/deployment/deployment-hooks";
import { UNKNOWN } from "../../../../provider/validation/unknown";

const valid = {
  host: "unix:///var/run/docker.sock",
  owner: { project: "p", stack: "s", resource: "web" },
  image: "berth.local/web:latest",
  ports: [{ containerPort: 80, name: "http" }],
};

async function failures(change: Record<string, unknown>) {
  return (await hooks.check({}, { ...valid, ...change })).failures ?? [];
}

describe("Deployment check", () => {
  it("accepts a minimal deployment and fills the defaults", async () => {
    const { inputs, failures: none } = await hooks.check({}, valid);
    expect(none).toEqual([]);
    expect(inputs).toMatchObject({
      host: { url: "unix:///var/run/docker.sock" },
      pullPolicy: "IfNotPresent",
      env: {},
      restart: "no",
      running: true,
      stopGracePeriodSeconds: 10,
      ports: [{ containerPort: 80, protocol: "tcp", name: "http" }],
    });
  });


  it("tolerates inputs that are unknown during preview", async () => {
    expect(await failures({ image: UNKNOWN, env: { TOKEN: UNKNOWN }, ports: UNKNOWN, readiness: { httpGet: { port: 80, path: UNKNOWN } } })).toEqual([]);
  });

  it("sorts ports, volumes and the networks after the first so that their order is no change; the first network stays first", async () => {
    const { inputs } = await hooks.check({}, {
      ...valid,
      ports: [{ containerPort: 9000 }, { containerPort: 80 }],
      volumes: [{ source: "b", target: "/b" }, { source: "a", target: "/a" }],
      networks: ["z", "m", "a"],
    });
    expect(inputs).toMatchObject({
      ports: [{ containerPort: 80 }, { containerPort: 9000 }],
      volumes: [{ target: "/a" }, { target: "/b" }],
      networks: ["z", "a", "m"],
    });
  });
});
