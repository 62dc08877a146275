import * as pulumi from "@pulumi/pulumi";
import type { HooksKind } from "../provider-hooks";
import { storedProviderText } from "./hooks-provider";

/**
 * A resource served by berth's hooks for one kind through Pulumi's dynamic
 * provider: what `pulumi.dynamic.Resource` registers (the type
 * `pulumi-nodejs:dynamic/berth:<type>` and the provider's text as
 * `__provider`), with the text written by `storedProviderText` rather than
 * serialised from a closure on every program run.
 */
export abstract class HooksResource extends pulumi.CustomResource {
  constructor(kind: HooksKind, type: string, name: string, props: Record<string, unknown>, opts: pulumi.CustomResourceOptions) {
    super(`pulumi-nodejs:dynamic/berth:${type}`, name, { ...props, __provider: storedProviderText(kind) }, opts);
  }
}
