import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * An extra daemon that also listens on tcp://127.0.0.1:<23750+n> with
 * `--tlsverify`, and the certificates to talk to it: a CA, a server
 * certificate for 127.0.0.1, a client certificate (also as cert.pem/key.pem
 * for a certificate directory) and an unrelated CA.
 */
export class TlsHost {
  readonly url: string;
  readonly certs = fs.mkdtempSync(path.join(os.tmpdir(), "berth-tls-"));

  constructor(private readonly n: number) {
    this.url = `tcp://127.0.0.1:${23750 + n}`;
  }

  private openssl(...args: string[]): void {
    execFileSync("openssl", args, { cwd: this.certs, stdio: "ignore" });
  }

  start(): void {
    this.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=berth test CA", "-keyout", "ca-key.pem", "-out", "ca.pem");
    fs.writeFileSync(path.join(this.certs, "server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    fs.writeFileSync(path.join(this.certs, "client.ext"), "extendedKeyUsage=clientAuth\n");
    for (const name of ["server", "client"]) {
      this.openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${name}`, "-keyout", `${name}-key.pem`, "-out", `${name}.csr`);
      this.openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial", "-days", "1", "-extfile", `${name}.ext`, "-out", `${name}-cert.pem`);
    }
    fs.copyFileSync(path.join(this.certs, "client-cert.pem"), path.join(this.certs, "cert.pem"));
    fs.copyFileSync(path.join(this.certs, "client-key.pem"), path.join(this.certs, "key.pem"));
    this.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=another CA", "-keyout", "other-key.pem", "-out", "other-ca.pem");
    execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), "start-tls", String(this.n), this.certs], { stdio: "ignore" });
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.certs, file), "utf8");
  }

  /** PEM text of the CA, the client certificate and its key. */
  clientPem(): { ca: string; cert: string; key: string } {
    return { ca: this.read("ca.pem"), cert: this.read("client-cert.pem"), key: this.read("client-key.pem") };
  }

  stop(): void {
    execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), "stop-one", String(this.n)], { stdio: "ignore" });
    fs.rmSync(this.certs, { recursive: true, force: true });
  }
}
