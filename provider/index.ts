export * from "./host";
export type { ContainerArgs, VolumeMountArgs } from "./container/container-args";
export * from "./volume";
export * from "./deployment";
export * from "./job";
export * from "./persistent";
export * from "./swarm";
