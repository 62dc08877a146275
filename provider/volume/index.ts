export { Volume, type VolumeArgs } from "./volume";
