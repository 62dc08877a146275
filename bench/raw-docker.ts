import Docker from "dockerode";

/** The floor: what raw dockerode does for one HTTP-gated container, with the same probe period as berth. */
export async function rawCreateStartProbe(docker: Docker, name: string, image: string, periodMs: number, labels: Record<string, string>): Promise<string> {
  const container = await docker.createContainer({
    name,
    Image: image,
    Labels: labels,
    ExposedPorts: { "80/tcp": {} },
    HostConfig: { PortBindings: { "80/tcp": [{ HostPort: "" }] } },
  });
  await container.start();
  const port = (await container.inspect()).NetworkSettings.Ports["80/tcp"][0].HostPort;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) return container.id;
    await new Promise((resolve) => setTimeout(resolve, periodMs));
  }
}

export async function rawStopRemove(docker: Docker, ids: string[], graceSeconds: number): Promise<void> {
  await Promise.all(
    ids.map(async (id) => {
      await docker.getContainer(id).stop({ t: graceSeconds }).catch(() => undefined);
      await docker.getContainer(id).remove({ force: true, v: true });
    }),
  );
}
