export type { GpuInventoryArgs, GpuVendor, HostArgs, HostInput, HostTlsArgs, PortRangeArgs } from "./host";
