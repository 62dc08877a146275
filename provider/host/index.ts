export type { HostArgs, HostTlsArgs, HostInput } from "./host";
export { defaultHost, hostOrDefault } from "./default-host";
export { hostSchema, hostScheme, probeAddress, type HostProps } from "./host-schema";
