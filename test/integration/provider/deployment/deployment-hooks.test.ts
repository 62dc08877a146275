import * as net from "net";
import { afterAll, describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/deployment/deployment-hooks";
import { LOG_TAIL_MAX_BYTES } from "../../../../provider/docker/log-tail";
import * as volumeHooks from "../../../../provider/volume/volume-hooks";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-deploy");
const WEB = "berth.local/web:latest";
const BUSYBOX = "berth.local/busybox:latest";

function inputs(resource: string, extra: Record<string, unknown> = {}) {
  return { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource }, image: WEB, stopGracePeriodSeconds: 1, ...extra };
}

async function checked(resource: string, extra: Record<string, unknown> = {}) {
  const result = await hooks.check({}, inputs(resource, extra));
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

async function leftovers(resource: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`, `dev.berth.resource=${resource}`] } });
  return containers.map((c) => c.Names[0]);
}

const httpProbe = { httpGet: { port: "http" }, periodSeconds: 0.05, deadlineSeconds: 20 };
const httpPort = [{ containerPort: 80, name: "http" }];

afterAll(async () => {
  await sweep(docker, project);
  await docker.getContainer(`${project}-squatter`).remove({ force: true }).catch(() => undefined);
});

describe("Deployment hooks against the real daemon", () => {
  it("creates a labelled container gated on HTTP readiness, with host ports and endpoints read back", async () => {
    const { id, outs } = await hooks.create(await checked("web", { ports: httpPort, readiness: httpProbe }));
    const info = await docker.getContainer(id).inspect();
    expect(info.Name).toMatch(new RegExp(`^/${project}-test-web-[0-9a-f]{12}$`));
    expect(info.Config.Labels).toMatchObject({ "dev.berth.managed-by": "berth", "dev.berth.kind": "deployment", "dev.berth.resource": "web" });
    expect(info.HostConfig.Privileged).toBe(false);
    expect(outs.state).toBe("running");
    expect(outs.imageId).toMatch(/^sha256:/);
    const port = outs.hostPorts.http;
    expect(outs.endpoints.http).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${outs.endpoints.http}/`)).status).toBe(200);
  });

  it("adopts its own container when a create is retried instead of starting a second one", async () => {
    const props = await checked("retried", { ports: httpPort });
    const first = await hooks.create(props);
    const second = await hooks.create(props);
    expect(second.id).toBe(first.id);
    expect(await leftovers("retried")).toHaveLength(1);
  });

  it("refuses a name held by a container berth did not create, and leaves it alone", async () => {
    const name = `${project}-squatter`;
    await docker.createContainer({ name, Image: BUSYBOX, Cmd: ["sleep", "30"] });
    await expect(hooks.create(await checked("squat", { name }))).rejects.toThrow(`name collision: container "${name}" exists and was not created by berth`);
    expect((await docker.getContainer(name).inspect()).Config.Labels["dev.berth.managed-by"]).toBeUndefined();
  });

  it("allocates the lowest free ports of the host's range, distinct, skipping ports other containers hold", async () => {
    const range = { from: 29100, to: 29120 };
    const host = { url: defaultHostUrl(), portRange: range };
    const blocker = await hooks.create(await checked("blocker", { host, ports: [{ containerPort: 80, hostPort: 29100 }] }));
    const { outs } = await hooks.create(await checked("pair", { host, ports: [{ containerPort: 80, name: "a" }, { containerPort: 81, name: "b" }] }));
    expect(outs.hostPorts).toEqual({ a: 29101, b: 29102 });
    await hooks.delete(blocker.id, blocker.outs);
  });

  it("gives parallel creates on one range distinct ports, retrying when Docker finds a port taken", async () => {
    const host = { url: defaultHostUrl(), portRange: { from: 29200, to: 29220 } };
    const results = await Promise.all(
      ["p1", "p2", "p3", "p4"].map(async (r) => hooks.create(await checked(r, { host, ports: httpPort }))),
    );
    const ports = results.map((r) => r.outs.hostPorts.http);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) expect(port).toBeGreaterThanOrEqual(29200);
  });

  it("names the container holding a fixed host port and leaves nothing behind", async () => {
    const holder = await hooks.create(await checked("holder", { ports: [{ containerPort: 80, hostPort: 29300 }] }));
    await expect(hooks.create(await checked("taker", { ports: [{ containerPort: 80, hostPort: 29300 }] }))).rejects.toThrow(
      `\`hostPort\` 29300 is already used by container "${holder.outs.containerName}"`,
    );
    expect(await leftovers("taker")).toEqual([]);
  });

  it("says when a fixed host port is held by a process outside Docker, and leaves nothing behind", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(29301, "0.0.0.0", resolve));
    try {
      await expect(hooks.create(await checked("foreign-port", { ports: [{ containerPort: 80, hostPort: 29301 }] }))).rejects.toThrow(
        "`hostPort` 29301 is already used by another process",
      );
    } finally {
      server.close();
    }
    expect(await leftovers("foreign-port")).toEqual([]);
  });

  it("fails on an image that cannot be pulled, from the pull's own error, leaving nothing", async () => {
    await expect(hooks.create(await checked("no-image", { image: "berth.local/does-not-exist:1" }))).rejects.toThrow(
      /Deployment "no-image" on host .*: could not pull image "berth.local\/does-not-exist:1"/,
    );
    await expect(hooks.create(await checked("never", { image: "berth.local/does-not-exist:1", pullPolicy: "Never" }))).rejects.toThrow(
      /not on the host and `pullPolicy` is "Never"/,
    );
    expect([...(await leftovers("no-image")), ...(await leftovers("never"))]).toEqual([]);
  });

  it("pulls with registry credentials and keeps the password out of the error", async () => {
    const error = await hooks
      .create(await checked("private", { image: "127.0.0.1:5999/team/app:1", registryAuth: { serverAddress: "127.0.0.1:5999", username: "ci", password: "pw-0451-secret" } }))
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/Deployment "private" on host .*: could not pull image "127.0.0.1:5999\/team\/app:1"/);
    expect(String(error)).not.toContain("pw-0451-secret");
    expect(await leftovers("private")).toEqual([]);
  });

  it("fails fast when the container exits during the gate, with exit code and redacted log tail, removing it", async () => {
    const started = Date.now();
    const error = await hooks
      .create(
        await checked("crasher", {
          image: BUSYBOX,
          command: ["sh", "-c", "echo token is $TOKEN; echo about to fail; exit 3"],
          env: { TOKEN: "tok-123456" },
          secretEnvKeys: ["TOKEN"],
          ports: httpPort,
          readiness: { ...httpProbe, deadlineSeconds: 60 },
        }),
      )
      .catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(String(error)).toMatch(/exit code 3/);
    expect(String(error)).toContain("about to fail");
    expect(String(error)).not.toContain("tok-123456");
    expect(await leftovers("crasher")).toEqual([]);
  });

  it("bounds a gate error in bytes and leaves no part of a secret in it, after a 4 MB line, a secret split into 16 KB entries and control bytes", async () => {
    const TOKEN = "TOPSECRET-abcdefghijklmnopqrstuvwxyz0123456789";
    const script = [
      "head -c 4194304 /dev/zero | tr '\\0' a; echo",
      'i=0; while [ $i -lt 12000 ]; do printf %s "$TOKEN"; i=$((i+1)); done; echo',
      "printf 'clear\\033[2J nul\\000 end\\n'",
      "exit 5",
    ].join("; ");
    const error = String(
      await hooks
        .create(await checked("noisy", { image: BUSYBOX, command: ["sh", "-c", script], env: { TOKEN }, secretEnvKeys: ["TOKEN"], ports: httpPort, readiness: { ...httpProbe, deadlineSeconds: 60 } }))
        .catch((e: Error) => e),
    );
    expect(error).toMatch(/exit code 5/);
    expect(Buffer.byteLength(error)).toBeLessThan(LOG_TAIL_MAX_BYTES + 2048);
    expect(error).toContain("clear\\x1b[2J nul\\x00 end");
    expect(error).not.toMatch(/[\u0000\u001b]/);
    const rest = error.split("[secret]").join("");
    expect(Array.from({ length: TOKEN.length - 3 }, (_, i) => TOKEN.slice(i, i + 4)).filter((piece) => rest.includes(piece))).toEqual([]);
    expect(await leftovers("noisy")).toEqual([]);
  });

  it("fails fast when the container is killed during the gate, removes it, and the next create converges", async () => {
    const neverReady = { httpGet: { port: "http", path: "/never-there" }, periodSeconds: 0.05, deadlineSeconds: 60 };
    const gating = hooks.create(await checked("killed", { ports: httpPort, readiness: neverReady })).catch((e: Error) => e);
    let victim: string | undefined;
    for (let i = 0; i < 200 && !victim; i++) {
      const running = await docker.listContainers({ filters: { label: [`dev.berth.project=${project}`, "dev.berth.resource=killed"] } });
      victim = running[0]?.Id;
      if (!victim) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(victim).toBeDefined();
    const killedAt = Date.now();
    await docker.getContainer(victim!).kill();
    const error = await gating;
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    expect(String(error)).toMatch(/exit code 137/);
    expect(await leftovers("killed")).toEqual([]);

    const { id, outs } = await hooks.create(await checked("killed", { ports: httpPort, readiness: httpProbe }));
    expect(outs.state).toBe("running");
    await hooks.delete(id, outs);
    expect(await leftovers("killed")).toEqual([]);
  });

  // Docker's ephemeral host ports exist only while the container runs: a crash loop must read as one, never as an unpublished probe port.
  it.each([1, 2, 3])("reports a container that crash-loops from its first instant as crashing (run %i)", async (run) => {
    const error = await hooks
      .create(await checked(`crash-loop-${run}`, { image: BUSYBOX, command: ["sh", "-c", "echo boom; exit 5"], ports: httpPort, restart: "always", readiness: httpProbe }))
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/the container exited with exit code 5/);
    expect(String(error)).not.toContain("is not a published port");
    expect(await leftovers(`crash-loop-${run}`)).toEqual([]);
  });

  it("fails at the deadline when the probe never passes, removing the container", async () => {
    const error = await hooks
      .create(await checked("never-ready", { ports: httpPort, readiness: { httpGet: { port: "http", path: "/missing" }, periodSeconds: 0.1, deadlineSeconds: 1.5 } }))
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/1500 ?ms/);
    expect(await leftovers("never-ready")).toEqual([]);
  });

  it("reports a stopped container as not running (an input drift) and a removed one as gone; an unreachable daemon is an error", async () => {
    const { id, outs } = await hooks.create(await checked("drift", { ports: httpPort }));
    await docker.getContainer(id).stop({ t: 0 });
    const stopped = await hooks.read(id, outs);
    expect(stopped.props).toMatchObject({ state: "exited", running: false });
    expect(stopped.inputs).toMatchObject({ running: false, image: WEB });

    const elsewhere = { ...outs, host: { url: "unix:///run/berth-no-such-daemon.sock" } };
    await expect(hooks.read(id, elsewhere)).rejects.toThrow(/could not inspect container/);

    await docker.getContainer(id).remove({ force: true });
    expect(await hooks.read(id, outs)).toEqual({});
  });

  it("updates restart policy and limits in place and starts a stopped container again, gated", async () => {
    const props = await checked("inplace", { ports: httpPort, readiness: httpProbe });
    const { id, outs } = await hooks.create(props);
    await docker.getContainer(id).stop({ t: 0 });
    const stoppedOuts = { ...outs, state: "exited", running: false };
    const news = await checked("inplace", { ports: httpPort, readiness: httpProbe, restart: { policy: "on-failure", maxRetries: 2 }, cpus: 0.5, memory: "64m" });
    const { outs: updated } = await hooks.update(id, stoppedOuts, news);
    const info = await docker.getContainer(id).inspect();
    expect(info.HostConfig).toMatchObject({ RestartPolicy: { Name: "on-failure", MaximumRetryCount: 2 }, NanoCpus: 5e8, Memory: 64 * 1024 ** 2 });
    expect(updated).toMatchObject({ containerId: id, state: "running" });
    expect((await fetch(`${updated.endpoints.http}/`)).status).toBe(200);
  });

  it("serves a berth Volume's content mounted into the container", async () => {
    const volumeProps = (await volumeHooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource: "site" } })).inputs!;
    const volume = await volumeHooks.create(volumeProps);
    const { outs } = await hooks.create(
      await checked("site-web", { ports: httpPort, readiness: httpProbe, volumes: [{ source: volume.outs.volumeName, target: "/www" }] }),
    );
    expect(await (await fetch(`${outs.endpoints.http}/index.html`)).text()).toContain("berth");
  });

  it("deletes idempotently and leaves nothing", async () => {
    const { id, outs } = await hooks.create(await checked("gone", { ports: httpPort }));
    await hooks.delete(id, outs);
    await hooks.delete(id, outs);
    expect(await leftovers("gone")).toEqual([]);
  });

  it("runs sidecars in the main container's network: the main container's published port reaches a sidecar", async () => {
    const { id, outs } = await hooks.create(
      await checked("with-sidecar", {
        image: BUSYBOX,
        command: ["sleep", "300"],
        ports: [{ containerPort: 8080, name: "proxy" }],
        sidecars: [{ name: "server", image: WEB, command: ["httpd", "-f", "-p", "8080", "-h", "/www"] }],
        readiness: { httpGet: { port: "proxy" }, periodSeconds: 0.05, deadlineSeconds: 20 },
      }),
    );
    expect(await (await fetch(`${outs.endpoints.proxy}/`)).text()).toContain("berth");
    const sidecar = await docker.getContainer(`${outs.containerName}-server`).inspect();
    // Docker records the main container by id once it resolved the name berth gave.
    expect(sidecar.HostConfig.NetworkMode).toBe(`container:${outs.containerId}`);
    await hooks.delete(id, outs);
    expect(await leftovers("with-sidecar")).toEqual([]);
  });

  it("removes the whole group when a sidecar cannot start, naming it", async () => {
    const error = await hooks
      .create(
        await checked("bad-sidecar", {
          ports: httpPort,
          sidecars: [
            { name: "fine", image: BUSYBOX, command: ["sleep", "300"] },
            { name: "broken", image: "berth.local/no-such-sidecar:1", pullPolicy: "Never" },
          ],
        }),
      )
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/Deployment "bad-sidecar" on host .*: sidecar "broken" could not start: image "berth.local\/no-such-sidecar:1" is not on the host/);
    expect(await leftovers("bad-sidecar")).toEqual([]);
  });

  it("refuses, in check, a sidecar that publishes a port", async () => {
    const { failures } = await hooks.check({}, inputs("sidecar-port", { sidecars: [{ name: "proxy", image: WEB, ports: [{ containerPort: 80 }] }] }));
    expect(failures).toEqual([
      { property: "sidecars.0.ports", reason: "cannot be published by a sidecar: it shares the main container's network; publish the port on the main container instead" },
    ]);
  });

  it("gives the loser of two creates racing for one name berth's own message naming the holder, not Docker's conflict", async () => {
    const name = `${project}-contested`;
    const racer = (resource: string) => checked(resource, { image: BUSYBOX, command: ["sleep", "3600"], name });
    const results = await Promise.allSettled([hooks.create(await racer("racer-a")), hooks.create(await racer("racer-b"))]);
    const lost = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(new RegExp(`container name "${name}" is (already )?taken by (berth resource )?${project}/test/racer-[ab]`));
    expect(lost[0]).not.toContain("Conflict");
  });
});
