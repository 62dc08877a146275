import * as pulumi from "@pulumi/pulumi";
import { Volume } from "pulumi-berth";

// A volume on a TLS-protected tcp:// host; the key material comes from secret config.
const config = new pulumi.Config();
const data = new Volume("data", {
  host: { url: config.require("hostUrl"), tls: { ca: config.requireSecret("ca"), cert: config.requireSecret("cert"), key: config.requireSecret("key") } },
});

export const volumeName = data.volumeName;
