import { hostUrlRule, type DiffRules } from "../dynamic/property-diff";

/**
 * How changes of the fields every container resource shares reach Docker:
 * what runs (image, command, env, mounts, labels, networks, user, workdir)
 * needs a new container; how images are pulled and the host is reached only
 * updates state; another daemon is a replacement.
 */
export const CONTAINER_DIFF_RULES: DiffRules = {
  host: hostUrlRule,
  hostTls: "update",
  image: "replace",
  pullPolicy: "update",
  registryAuth: "update",
  command: "replace",
  entrypoint: "replace",
  env: "replace",
  volumes: "replace",
  labels: "replace",
  networks: "replace",
  user: "replace",
  workdir: "replace",
};
