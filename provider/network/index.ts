export { Network, type NetworkArgs, type NetworkIpamArgs } from "./network";
