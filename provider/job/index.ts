export { Job, type JobArgs } from "./job";
