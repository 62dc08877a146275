export {
  PersistentContainer,
  type HostAction,
  type HostResult,
  type Lifetime,
  type PersistentContainerArgs,
} from "./persistent-container";
export type { SetupScriptArgs } from "./setup-script-source";
