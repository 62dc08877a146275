import { Volume } from "pulumi-berth";

const data = new Volume("data", { labels: { purpose: "e2e", tier: "cache" } });

export const volumeName = data.volumeName;
