import * as pulumi from "@pulumi/pulumi";
import type { Owner } from "../docker/labels";
import { hostOrDefault } from "../host/default-host";
import type { HostInput } from "../host";

/** The stack and resource a berth object belongs to, as recorded in its labels. */
export function resourceOwner(resourceName: string): Owner {
  return { project: pulumi.getProject(), stack: pulumi.getStack(), resource: resourceName };
}

/**
 * Splits a host input into its public part and its TLS material, so that the
 * material can be a secret output of its own while the URL stays readable in
 * previews. Applies the DOCKER_HOST default when no host is given.
 *
 * A host known to have no TLS material gets no `hostTls` property at all:
 * the Node.js SDK spends four promises, each with a stack trace, on every
 * property of every resource, even an empty one.
 */
export function splitHost(host: HostInput | undefined): { host: unknown; hostTls?: unknown } {
  const given = hostOrDefault(host, process.env);
  // A plain URL or a host without TLS needs no Outputs: most resources pass one.
  if (typeof given === "string") return { host: { url: given } };
  const plain = !pulumi.Output.isInstance(given) && !(given instanceof Promise);
  if (plain && (given as { tls?: unknown }).tls === undefined) return { host: given };
  const resolved = pulumi.output(given);
  const publicPart = resolved.apply((h) => {
    if (typeof h === "string") return { url: h };
    const { tls: _tls, ...rest } = h as unknown as Record<string, unknown>;
    return rest;
  });
  const tls = resolved.apply((h) => (typeof h === "string" ? undefined : (h as { tls?: unknown }).tls));
  return { host: pulumi.unsecret(publicPart), hostTls: pulumi.secret(tls) };
}

/** Resource options with berth's secret outputs added to the user's. */
export function withSecretOutputs(opts: pulumi.CustomResourceOptions, secretOutputs: string[]): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...secretOutputs] };
}
