export {
  PersistentContainer,
  type DeviceArgs,
  type HostAction,
  type HostResult,
  type Lifetime,
  type PersistentContainerArgs,
  type UlimitArgs,
} from "./persistent-container";
export type { SetupScriptArgs } from "./setup-script-source";
