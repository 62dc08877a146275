import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packedBerth } from "../support/packed-berth";
import { PulumiProgram } from "../support/pulumi-program";

const execFileAsync = promisify(execFile);
/** What `pulumi new typescript` gives a user (the newest @pulumi/pulumi berth supports, its tsconfig). */
const USER_DEPENDENCIES = { "@pulumi/pulumi": "3.248.0" };
const USER_DEV_DEPENDENCIES = { typescript: "~5.9.3", "@types/node": "^20.19.0" };
const PULUMI_TEMPLATE_COMPILER_OPTIONS = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};
/** An npm install and three compiles of Pulumi's types on two shared cores. */
const INSTALL_MS = 300_000;
const COMPILE_MS = 120_000;

/** Mistakes a user makes, each of which the published types must reject with this message (and no other error). */
const MISTAKES: Array<{ file: string; source: string; error: string }> = [
  {
    file: "misspelled-field",
    source: `new Deployment("api", { image: "nginx:1.27", prots: [{ containerPort: 80 }] });`,
    error: "TS2561: Object literal may only specify known properties, but 'prots' does not exist in type 'DeploymentArgs'. Did you mean to write 'ports'?",
  },
  {
    file: "restart-sometimes",
    source: `new Deployment("api", { image: "nginx:1.27", restart: "sometimes" });`,
    error: `TS2322: Type '"sometimes"' is not assignable to type 'Input<RestartArgs> | undefined'.`,
  },
  {
    file: "probe-port-boolean",
    source: `new Deployment("api", { image: "nginx:1.27", ports: [{ containerPort: 80 }], readiness: { httpGet: { port: true } } });`,
    error: "TS2322: Type 'boolean' is not assignable to type 'Input<ProbePortArgs>'.",
  },
  {
    file: "string-output-as-port",
    source: `new Deployment("api", { image: "nginx:1.27", ports: [{ containerPort: pulumi.output("80") }] });`,
    error: "TS2322: Type 'Output<string>' is not assignable to type 'Input<number>'.",
  },
  {
    file: "unknown-lifetime",
    source: `new PersistentContainer("node", { name: "node", lifetime: "forever", image: "busybox" });`,
    error: `TS2322: Type '"forever"' is not assignable to type 'Input<Lifetime>'.`,
  },
  {
    file: "unknown-action",
    source: `export const adopted = new ContainerCluster("c", { hosts: { a: "ssh://a" }, name: "c", lifetime: "no_launch" }).actions.apply((a) => a.a === "adopted");`,
    error: `TS2367: This comparison appears to be unintentional because the types 'HostAction' and '"adopted"' have no overlap.`,
  },
  {
    file: "unknown-state",
    source: `export const stopped = new Deployment("api", { image: "nginx:1.27" }).state.apply((s) => s === "stopped");`,
    error: `TS2367: This comparison appears to be unintentional because the types 'DeploymentState' and '"stopped"' have no overlap.`,
  },
  {
    file: "internal-import",
    source: `import { hostSchema } from "pulumi-berth";\nexport const schema = hostSchema;`,
    error: `TS2305: Module '"pulumi-berth"' has no exported member 'hostSchema'.`,
  },
];
const PRELUDE = `import * as pulumi from "@pulumi/pulumi";\nimport { ContainerCluster, Deployment, PersistentContainer } from "pulumi-berth";\nexport const used = [pulumi, ContainerCluster, Deployment, PersistentContainer];\n`;

let program: PulumiProgram;

beforeAll(async () => {
  program = new PulumiProgram("test/e2e/programs/typed-user", { outsideRepository: true });
  await program.install({ "pulumi-berth": `file:${await packedBerth()}`, ...USER_DEPENDENCIES }, USER_DEV_DEPENDENCIES);
}, INSTALL_MS);

afterAll(() => {
  if (program) fs.rmSync(program.dir, { recursive: true, force: true });
});

/** `tsc --noEmit` in the user's project with a tsconfig of its own; the diagnostics, one line each. */
async function typeCheck(files: string[], compilerOptions: Record<string, unknown>): Promise<{ code: number; diagnostics: string }> {
  const config = path.join(program.dir, "tsconfig.check.json");
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: { ...compilerOptions, pretty: false }, files }));
  const tsc = path.join(program.dir, "node_modules", "typescript", "bin", "tsc");
  try {
    await execFileAsync(process.execPath, [tsc, "--noEmit", "-p", config], { cwd: program.dir, encoding: "utf8" });
    return { code: 0, diagnostics: "" };
  } catch (err) {
    const failed = err as { code: number; stdout: string };
    return { code: failed.code, diagnostics: failed.stdout.trim() };
  }
}

describe("a user's program type-checks against the published package's .d.ts files", () => {
  it("compiles a program using every resource and component, secrets, Outputs as ports and every probe kind", async () => {
    expect(fs.existsSync(path.join(program.dir, "node_modules", "pulumi-berth", "dist", "index.d.ts"))).toBe(true);
    expect(await typeCheck(["index.ts"], PULUMI_TEMPLATE_COMPILER_OPTIONS)).toEqual({ code: 0, diagnostics: "" });
    // Node's own resolution reads the types through the package's `exports`.
    const node16 = { ...PULUMI_TEMPLATE_COMPILER_OPTIONS, module: "node16", moduleResolution: "node16" };
    expect(await typeCheck(["index.ts"], node16)).toEqual({ code: 0, diagnostics: "" });
  }, COMPILE_MS);

  it("rejects each common mistake with a message that names it", async () => {
    fs.mkdirSync(path.join(program.dir, "mistakes"), { recursive: true });
    for (const mistake of MISTAKES) {
      fs.writeFileSync(path.join(program.dir, "mistakes", `${mistake.file}.ts`), `${PRELUDE}${mistake.source}\n`);
    }
    const { code, diagnostics } = await typeCheck(
      MISTAKES.map((m) => `mistakes/${m.file}.ts`),
      PULUMI_TEMPLATE_COMPILER_OPTIONS,
    );
    expect(code).not.toBe(0);
    const errors = diagnostics.split("\n").filter((line) => /^\S.*: error TS\d+: /.test(line));
    const byFile = Object.fromEntries(
      MISTAKES.map((m) => [m.file, errors.filter((line) => line.startsWith(`mistakes/${m.file}.ts(`)).map((line) => line.replace(/^.*?: error /, ""))]),
    );
    expect(byFile).toEqual(Object.fromEntries(MISTAKES.map((m) => [m.file, [m.error]])));
    expect(errors).toHaveLength(MISTAKES.length);
  }, COMPILE_MS);
});
