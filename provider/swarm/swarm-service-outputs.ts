import type { SwarmServiceProps } from "./swarm-service-schema";
import type { ServiceStanding, TaskView } from "./task-summary";

export interface SwarmServiceOutputs extends SwarmServiceProps {
  serviceId: string;
  serviceName: string;
  specHash: string;
  desiredTasks: number;
  runningTasks: number;
  /** The tasks meant to run, with their node and state. */
  tasks: Array<Pick<TaskView, "id" | "node" | "state" | "gpus">>;
}

export function swarmServiceOutputs(props: SwarmServiceProps, serviceId: string, serviceName: string, specHash: string, standing: ServiceStanding): SwarmServiceOutputs {
  return {
    ...props,
    serviceId,
    serviceName,
    specHash,
    desiredTasks: standing.desired,
    runningTasks: standing.running,
    tasks: standing.tasks.map(({ id, node, state, gpus }) => ({ id, node, state, gpus })).sort((a, b) => a.node.localeCompare(b.node) || a.id.localeCompare(b.id)),
  };
}
