export { Deployment, type DeploymentArgs, type PortArgs, type ReadinessArgs, type RestartArgs, type SidecarArgs } from "./deployment";
