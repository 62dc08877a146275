export * from "./swarm-service";
