// The provider's public face: resources, their args and output types, and what a stack program passes them.
export type {
  ContainerArgs,
  GpuRequestArgs,
  PullPolicy,
  RegistryAuthArgs,
  VolumeMountArgs,
} from "./container/container-args";
export type { DeviceArgs, DurationArgs, HealthcheckArgs, RuntimeArgs, UlimitArgs, UlimitLimitArgs, UlimitsArgs } from "./container/runtime-args";
export * from "./deployment";
export * from "./host";
export * from "./job";
export * from "./network";
export * from "./persistent";
export type {
  ExecProbeArgs,
  HttpGetProbeArgs,
  HttpHeaderArgs,
  LogLineProbeArgs,
  ProbePortArgs,
  ReadinessArgs,
  TcpSocketProbeArgs,
} from "./readiness/readiness-args";
export * from "./swarm";
export * from "./volume";
