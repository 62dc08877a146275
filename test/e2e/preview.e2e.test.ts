import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProgram } from "../support/pulumi-program";

const program = new PulumiProgram("test/e2e/programs/preview");
let firstPreview = "";

beforeAll(async () => {
  await program.init();
  firstPreview = await program.previewDiff();
  await program.up();
});

afterAll(() => program.dispose());

function changed(preview: { steps: Array<{ op: string; urn: string }> }) {
  return preview.steps.filter((s) => s.op !== "same");
}

describe("the preview a reviewer reads", () => {
  it("names berth's own types and nests the component's children", async () => {
    expect(firstPreview).not.toContain("pulumi-nodejs:dynamic:Resource");
    expect(firstPreview).toMatch(/\+ berth:index:Service: \(create\)/);
    const lines = firstPreview.split("\n");
    const service = lines.findIndex((l) => /\+ berth:index:Service: \(create\)/.test(l));
    const child = lines.findIndex((l, i) => i > service && /\+ pulumi-nodejs:dynamic\/berth:Deployment: \(create\)/.test(l));
    expect(child).toBeGreaterThan(service);
    expect(lines[child].search(/\+/)).toBeGreaterThan(lines[service].search(/\+/));
    const types = (await program.stateResources()).map((r) => r.urn.split("::")[2]);
    expect(types).toEqual(
      expect.arrayContaining([
        "pulumi-nodejs:dynamic/berth:Volume",
        "berth:index:Service",
        "berth:index:Service$pulumi-nodejs:dynamic/berth:Volume",
        "berth:index:Service$pulumi-nodejs:dynamic/berth:Job",
        "berth:index:Service$pulumi-nodejs:dynamic/berth:Deployment",
      ]),
    );
    expect(changed(await program.previewJson())).toEqual([]);
  });

  it("shows one env change as exactly that property and a replacement, and nothing else changing", async () => {
    await program.setConfig("greeting", "hi");
    const preview = await program.previewJson();
    const steps = changed(preview) as Array<{ op: string; urn: string; replaceReasons?: string[] }>;
    expect(steps.map((s) => [s.op, s.urn.split("::").pop(), s.replaceReasons])).toEqual([["replace", "api-deployment", ["env"]]]);
    const text = await program.previewDiff();
    expect(text).toMatch(/GREETING\s*: "hello" => "hi"/);
    expect(text).not.toMatch(/MODE\s*:.*=>/);
    await program.setConfig("greeting", "hello");
  });

  it("shows a restart policy change as an in-place update", async () => {
    await program.setConfig("restart", "no");
    const steps = changed(await program.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "api-deployment"]]);
    expect(await program.previewDiff()).toMatch(/~ restart\s*: "always" => "no"/);
  });
});
