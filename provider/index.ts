export * from "./host";
export type { ContainerArgs, VolumeMountArgs } from "./container/container-args";
export type { DeviceArgs, DurationArgs, HealthcheckArgs, RuntimeArgs, UlimitArgs, UlimitLimitArgs, UlimitsArgs } from "./container/runtime-args";
export * from "./volume";
export * from "./network";
export * from "./deployment";
export * from "./job";
export * from "./persistent";
