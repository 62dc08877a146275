import { Deployment } from "pulumi-berth";

// A server that starts listening only after a few seconds: `pulumi up` sits in
// the readiness gate long enough to be interrupted there.
const slow = new Deployment("slow", {
  image: "berth.local/web:latest",
  command: ["sh", "-c", "sleep 8; exec httpd -f -p 80 -h /www"],
  ports: [{ containerPort: 80, name: "http" }],
  readiness: { httpGet: { port: "http" }, deadlineSeconds: 60 },
  stopGracePeriodSeconds: 0,
});

export const containerId = slow.containerId;
