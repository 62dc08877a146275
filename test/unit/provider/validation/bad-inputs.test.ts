import { describe, expect, it } from "vitest";
import * as deployment from "../../../../provider/deployment/deployment-hooks";
import * as job from "../../../../provider/job/job-hooks";
import * as network from "../../../../provider/network/network-hooks";
import * as persistentContainer from "../../../../provider/persistent/persistent-container-hooks";
import * as swarmService from "../../../../provider/swarm/swarm-service-hooks";
import * as volume from "../../../../provider/volume/volume-hooks";
import { badInputs, bases, checkInputsOf, type Kind } from "../../../support/bad-inputs";

const checks = { Deployment: deployment.check, Volume: volume.check, Network: network.check, Job: job.check, PersistentContainer: persistentContainer.check, SwarmService: swarmService.check };

describe.each(Object.keys(checks) as Array<keyof typeof checks & Kind>)("%s check", (kind) => {
  it("accepts the valid base every bad input starts from", async () => {
    expect((await checks[kind]({}, checkInputsOf(kind, {}))).failures).toEqual([]);
  });

  it.each(badInputs[kind])("rejects $what, naming the property and what to write", async ({ change, property, reason }) => {
    const found = (await checks[kind]({}, checkInputsOf(kind, change))).failures ?? [];
    expect(found.map((f) => f.property)).toContain(property);
    expect(found.find((f) => f.property === property)!.reason).toMatch(reason);
  });
});

it("has at least 40 cases across resources and components", () => {
  expect(Object.values(badInputs).flat().length).toBeGreaterThanOrEqual(40);
  expect(Object.keys(badInputs)).toEqual(Object.keys(bases));
});
