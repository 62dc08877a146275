export { PersistentContainer, type PersistentContainerArgs } from "./persistent-container";
export type { SetupScriptArgs } from "./setup-script-source";
