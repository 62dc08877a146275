export { ContainerCluster, type ContainerClusterArgs } from "./container-cluster";
export { Service, type ServiceArgs } from "./service";
