export { Deployment, type DeploymentArgs, type PortArgs, type ReadinessArgs, type RestartArgs } from "./deployment";
