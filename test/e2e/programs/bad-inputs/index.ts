import { ContainerCluster, Deployment, Job, Network, PersistentContainer, Service, SwarmService, Volume } from "pulumi-berth";

// One resource or component built from the bad input in the environment: its
// kind and its arguments as JSON, as a JavaScript program or stack config can
// pass them. `pulumi preview` must name the property, say what to write
// instead, and create nothing.
const classes = { Deployment, Volume, Network, Job, PersistentContainer, Service, ContainerCluster, SwarmService };
const make = classes[process.env.BERTH_BAD_INPUT_KIND as keyof typeof classes] as unknown as new (name: string, args: unknown) => unknown;
new make("case", JSON.parse(process.env.BERTH_BAD_INPUT_ARGS ?? "{}"));
