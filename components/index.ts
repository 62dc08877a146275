export { ContainerCluster, type ContainerClusterArgs } from "./container-cluster";
export { Service, type ServiceArgs, type ServiceInitJobArgs } from "./service";
