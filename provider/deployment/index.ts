export {
  Deployment,
  type DeploymentArgs,
  type DeploymentState,
  type OnFailureRestartArgs,
  type PortArgs,
  type RestartArgs,
  type SidecarArgs,
} from "./deployment";
