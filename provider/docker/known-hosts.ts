import { createHash, createHmac } from "crypto";

/** known_hosts text and where it came from, for messages. */
export interface KnownHostsSource {
  where: string;
  text: string;
}

/** How OpenSSH names a host in known_hosts: `host` on port 22, `[host]:port` on any other. */
export function knownHostsName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** OpenSSH's fingerprint of a public key blob, as `ssh-keygen -l` and the `ssh` client print it. */
export function sshFingerprint(blob: Buffer): string {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

/** The key type named inside an SSH public key blob (a length-prefixed string). */
export function sshKeyType(blob: Buffer): string {
  if (blob.length < 4) return "unknown";
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString("latin1");
}

function globMatches(name: string, pattern: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${regex}$`, "i").test(name);
}

/** Whether a known_hosts host field (hashed `|1|salt|hash`, or patterns with `*`, `?` and `!`) names the host. */
function hostFieldMatches(field: string, name: string): boolean {
  if (field.startsWith("|1|")) {
    const [, , salt, hash] = field.split("|");
    if (!salt || !hash) return false;
    return createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64") === hash;
  }
  let matched = false;
  for (const pattern of field.split(",")) {
    if (pattern.startsWith("!")) {
      if (globMatches(name, pattern.slice(1))) return false;
    } else if (globMatches(name, pattern)) matched = true;
  }
  return matched;
}

interface KnownKey {
  revoked: boolean;
  type: string;
  key: string;
  where: string;
}

function knownKeys(name: string, sources: KnownHostsSource[]): KnownKey[] {
  const keys: KnownKey[] = [];
  for (const source of sources) {
    source.text.split("\n").forEach((raw, index) => {
      const fields = raw.trim().split(/\s+/);
      if (fields[0] === "" || fields[0].startsWith("#")) return;
      // Host certificates are not checked by berth: a CA line vouches for no key by itself.
      if (fields[0] === "@cert-authority") return;
      const revoked = fields[0] === "@revoked";
      const [hosts, type, key] = revoked ? fields.slice(1) : fields;
      if (!hosts || !type || !key) return;
      if (revoked ? hosts === "*" || hostFieldMatches(hosts, name) : hostFieldMatches(hosts, name)) {
        keys.push({ revoked, type, key, where: `${source.where}:${index + 1}` });
      }
    });
  }
  return keys;
}

/**
 * Checks the key a host presents against known_hosts the way the OpenSSH
 * client does with StrictHostKeyChecking: the key must be listed for the
 * host's name and not revoked. Returns why the key is refused, or undefined
 * when it is known.
 */
export function hostKeyProblem(name: string, presented: Buffer, sources: KnownHostsSource[]): string | undefined {
  const presentedKey = presented.toString("base64");
  const type = sshKeyType(presented);
  const fingerprint = `${type} key ${sshFingerprint(presented)}`;
  const keys = knownKeys(name, sources);
  const revoked = keys.find((k) => k.revoked && k.key === presentedKey);
  if (revoked) return `the host key of ${name} (${fingerprint}) is marked @revoked in ${revoked.where}; ask the host's owner for its new key`;
  if (keys.some((k) => !k.revoked && k.key === presentedKey)) return undefined;
  const listed = keys.filter((k) => !k.revoked);
  const searched = sources.map((s) => s.where).join(", ");
  if (listed.length > 0) {
    return (
      `the host key of ${name} has CHANGED: it presents ${fingerprint}, but ${listed.map((k) => k.where).join(", ")} ` +
      `lists another key for it. Someone could be intercepting the connection; berth did not send anything to it. ` +
      `If the host's key was changed on purpose, confirm the new fingerprint with its owner, remove the old entry ` +
      `(ssh-keygen -R '${name}') and add the new one`
    );
  }
  const [host, port] = name.startsWith("[") ? [name.slice(1, name.indexOf("]")), name.slice(name.indexOf("]") + 2)] : [name, "22"];
  return (
    `the host key of ${name} (${fingerprint}) is in no known_hosts entry (searched: ${searched}). ` +
    `Confirm the fingerprint with the host's owner, then add the key: ` +
    `\`ssh-keyscan -p ${port} ${host} >> ~/.ssh/known_hosts\`, or give its line as the host's \`knownHosts\``
  );
}
