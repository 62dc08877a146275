import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// Two Deployments of images from a registry: one by a tag that moves (pull
// policy from config), one pinned by digest; `revision` changes the env, which
// replaces both.
const config = new pulumi.Config();
const env = { REVISION: config.require("revision") };
const readiness = { httpGet: { port: "http", path: "/" }, periodSeconds: 0.05, deadlineSeconds: 30 };
const ports = [{ containerPort: 80, name: "http" }];

const tagged = new Deployment("tagged", {
  image: config.require("taggedImage"),
  pullPolicy: config.require("pullPolicy") as "Always" | "IfNotPresent",
  env,
  ports,
  readiness,
  stopGracePeriodSeconds: 1,
});
const pinned = new Deployment("pinned", { image: config.require("pinnedImage"), env, ports, readiness, stopGracePeriodSeconds: 1 });

export const taggedImageId = tagged.imageId;
export const taggedEndpoint = tagged.endpoints.apply((e) => `${e.http}/`);
export const pinnedImageId = pinned.imageId;
