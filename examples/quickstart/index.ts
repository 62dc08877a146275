import { Volume } from "berth";

// A named volume on the local Docker daemon (DOCKER_HOST or the default socket).
const content = new Volume("content", { labels: { example: "quickstart" } });

export const volumeName = content.volumeName;
export const mountpoint = content.mountpoint;
