import type Docker from "dockerode";
import { main } from "../../../cli/main";
import { streamTerminal } from "../../../cli/terminal";
import { createLabels, type ObjectKind } from "../../../provider/docker/labels";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `berth ARGS` through the CLI's entry point, capturing what it prints;
 * `tty` makes stdout a terminal; `watch` sees what was printed so far after
 * each write, for a command that runs until something happens.
 */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; tty?: boolean; watch?: (printed: Omit<CliRun, "code">) => void } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const terminal = streamTerminal(
    { write: (text: string) => ((stdout += text), options.watch?.({ stdout, stderr })), isTTY: options.tty ?? false },
    { write: (text: string) => ((stderr += text), options.watch?.({ stdout, stderr })) },
    options.env ?? { ...process.env, NO_COLOR: "" },
  );
  const code = await main(args, terminal);
  return { code, stdout, stderr };
}

export interface FixtureContainer {
  project: string;
  stack?: string;
  resource: string;
  kind?: ObjectKind;
  lifetime?: string;
  gpus?: string[];
  image?: string;
  cmd?: string[];
  publish?: number;
  volume?: string;
  tty?: boolean;
  start?: boolean;
  restart?: Docker.HostRestartPolicy;
  healthcheck?: Docker.HealthConfig;
  sidecarOf?: string;
  name?: string;
}

/** A container labelled as berth labels its own, made directly with dockerode. */
export async function labelledContainer(docker: Docker, spec: FixtureContainer): Promise<Docker.ContainerInspectInfo> {
  const owner = { project: spec.project, stack: spec.stack ?? "test", resource: spec.resource };
  const container = await docker.createContainer({
    name: spec.name ?? `${owner.project}-${owner.stack}-${owner.resource}-${Math.random().toString(36).slice(2, 8)}`,
    Image: spec.image ?? "berth.local/busybox:latest",
    Cmd: spec.cmd ?? ["sleep", "3600"],
    Tty: spec.tty ?? false,
    Labels: createLabels({ kind: spec.kind ?? "deployment", owner, specHash: "0123abcd", lifetime: spec.lifetime, gpus: spec.gpus, sidecarOf: spec.sidecarOf }),
    Healthcheck: spec.healthcheck,
    ExposedPorts: spec.publish ? { [`${spec.publish}/tcp`]: {} } : undefined,
    HostConfig: {
      PortBindings: spec.publish ? { [`${spec.publish}/tcp`]: [{ HostPort: "" }] } : undefined,
      Binds: spec.volume ? [`${spec.volume}:/data`] : undefined,
      // Stop at once: busybox's sleep as PID 1 ignores SIGTERM.
      Init: true,
      RestartPolicy: spec.restart,
    },
    StopTimeout: 1,
  });
  if (spec.start ?? true) await container.start();
  return container.inspect();
}

export async function labelledVolume(docker: Docker, project: string, resource: string, stack = "test"): Promise<string> {
  const name = `${project}-${stack}-${resource}-${Math.random().toString(36).slice(2, 8)}`;
  await docker.createVolume({ Name: name, Labels: createLabels({ kind: "volume", owner: { project, stack, resource }, specHash: "0123abcd" }) });
  return name;
}
