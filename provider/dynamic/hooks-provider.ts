import type * as pulumi from "@pulumi/pulumi";

/**
 * The functions a resource's hooks module exports. They run in the dynamic
 * provider process and receive plain property bags.
 */
export interface ResourceHooks {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult>;
  read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult>;
  update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult>;
  delete(id: string, props: Record<string, unknown>): Promise<void>;
}

/**
 * A dynamic provider that forwards every call to a hooks module loaded by
 * absolute path inside the call. Pulumi serialises this object into state;
 * because it captures nothing but the module's path, the serialised text is
 * small and stable, and no Docker client or credential is ever captured.
 */
export function hooksProvider(hooksModulePath: string): pulumi.dynamic.ResourceProvider {
  return {
    async check(olds, news) {
      const hooks: ResourceHooks = require(hooksModulePath);
      return hooks.check(olds, news);
    },
    async diff(id, olds, news) {
      const hooks: ResourceHooks = require(hooksModulePath);
      return hooks.diff(id, olds, news);
    },
    async create(inputs) {
      const hooks: ResourceHooks = require(hooksModulePath);
      return hooks.create(inputs);
    },
    async read(id, props) {
      const hooks: ResourceHooks = require(hooksModulePath);
      return hooks.read(id, props);
    },
    async update(id, olds, news) {
      const hooks: ResourceHooks = require(hooksModulePath);
      return hooks.update(id, olds, news);
    },
    async delete(id, props) {
      const hooks: ResourceHooks = require(hooksModulePath);
      return hooks.delete(id, props);
    },
  };
}
