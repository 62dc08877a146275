import * as pulumi from "@pulumi/pulumi";
import { Job } from "pulumi-berth";

// 50 MB of output in 64 KB lines, each of which Docker stores as four 16 KB entries; then control bytes.
const loud = new Job("loud", {
  image: "berth.local/busybox:latest",
  command: ["sh", "-c", "yes \"$(head -c 65536 /dev/zero | tr '\\0' x)\" | head -c 52428800; echo; printf 'bell\\007 esc\\033[2J nul\\000 end\\n'"],
  logTailLines: 1000,
  timeoutSeconds: 300,
});

export const logTail = loud.logTail;

// A job with a secret env value: its logTail may carry the secret's neighbours, so it is a secret output.
const quiet = new Job("quiet", {
  image: "berth.local/busybox:latest",
  command: ["sh", "-c", "echo using $TOKEN"],
  env: { TOKEN: new pulumi.Config().requireSecret("token") },
});

export const quietLogTail = quiet.logTail;
