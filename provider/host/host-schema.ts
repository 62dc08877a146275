import { z } from "zod";

/** The URL schemes berth can reach a Docker daemon through. */
export const HOST_SCHEMES = ["unix", "tcp", "ssh"] as const;

const urlMessage =
  "must be a Docker endpoint URL: `unix:///var/run/docker.sock`, `tcp://host:2376` or `ssh://user@host`";

function isHostUrl(value: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.replace(/:$/, "");
  if (scheme === "unix") return parsed.host === "" && parsed.pathname.length > 1;
  if (scheme === "tcp") return parsed.hostname !== "" && parsed.port !== "";
  if (scheme === "ssh") return parsed.hostname !== "" && parsed.pathname in { "": 1, "/": 1 };
  return false;
}

const pem = z.string().min(1, "must be PEM text, not empty");

export const hostTlsSchema = z
  .strictObject({
    ca: pem.optional(),
    cert: pem.optional(),
    key: pem.optional(),
    certPath: z.string().min(1, "must be the directory holding ca.pem, cert.pem and key.pem").optional(),
  })
  .refine((tls) => tls.certPath !== undefined || (tls.ca !== undefined && tls.cert !== undefined && tls.key !== undefined), {
    message: "needs `ca`, `cert` and `key` (as Pulumi secrets) or `certPath`, the directory holding ca.pem, cert.pem and key.pem",
  });

export const portRangeSchema = z
  .strictObject({
    from: z.number().int().min(1).max(65535),
    to: z.number().int().min(1).max(65535),
  })
  .refine((range) => range.from <= range.to, { message: "`from` must not be above `to`, e.g. { from: 30000, to: 30999 }" });

export const GPU_VENDORS = ["nvidia", "amd", "intel"] as const;

export const gpuInventorySchema = z.strictObject({
  vendor: z.enum(GPU_VENDORS, { error: "must be one of nvidia, amd, intel" }),
  // Stack config turns `ids[0]: 0` into a number: ids are names, so numbers become strings.
  ids: z.array(z.union([z.string().min(1), z.number().int().min(0).transform(String)])).min(1, "must list at least one GPU id"),
  /** Device nodes per GPU id, overriding the vendor's defaults. */
  devices: z.record(z.string(), z.array(z.string().startsWith("/", "must be absolute device paths, e.g. /dev/dri/renderD128"))).optional(),
});

export const hostSchema = z.strictObject({
  url: z.string({ error: urlMessage }).refine(isHostUrl, { message: urlMessage }),
  portRange: portRangeSchema.optional(),
  gpus: gpuInventorySchema.optional(),
  probeAddress: z.string().min(1, "must be a host name or IP address").optional(),
  /** known_hosts lines for an ssh:// host's key, checked besides ~/.ssh/known_hosts (e.g. from stack config in CI). */
  knownHosts: z.string().min(1, "must be known_hosts lines, e.g. the output of `ssh-keyscan -p 22 host`").optional(),
}).refine((host) => host.knownHosts === undefined || !isHostUrl(host.url) || hostScheme(host.url) === "ssh", {
  message: "`knownHosts` applies only to ssh:// hosts; remove it, or use an ssh://user@host URL",
  path: ["knownHosts"],
});

export type HostProps = z.infer<typeof hostSchema>;
export type HostScheme = (typeof HOST_SCHEMES)[number];

export function hostScheme(url: string): HostScheme {
  return new URL(url).protocol.replace(/:$/, "") as HostScheme;
}

/** Where published ports of this host are reached: explicit, else the URL's host, else loopback. */
export function probeAddress(host: HostProps): string {
  if (host.probeAddress) return host.probeAddress;
  return hostScheme(host.url) === "unix" ? "127.0.0.1" : new URL(host.url).hostname;
}

/** A host input as it arrives in `check`: a URL string or an object. */
export const hostInputSchema = z.preprocess((value) => (typeof value === "string" ? { url: value } : value), hostSchema);

/** TLS material kept apart from the host so that it can be a secret output on its own. */
export const hostTlsInputSchema = hostTlsSchema.nullish().transform((tls) => tls ?? undefined);
export type HostTlsProps = z.infer<typeof hostTlsSchema>;
