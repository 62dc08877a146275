/** What one host tells about the image its container runs. */
export interface HostImage {
  host: string;
  /** The image id the container runs; undefined when it could not be read. */
  imageId?: string;
  readError?: string;
  /** The id the container's image reference points to on that host now. */
  currentTagId?: string;
  reference?: string;
}

const short = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);

/**
 * Every host must run the same image: an id that cannot be read, or ids that
 * differ, are errors naming hosts and ids. A container whose image differs
 * from what its tag now points to on that host is only stale: a warning.
 */
export function imageConsistency(images: HostImage[]): { error?: string; warnings: string[] } {
  const unreadable = images.filter((i) => !i.imageId);
  if (unreadable.length > 0) {
    return { error: `could not read the image id on ${unreadable.map((i) => `${i.host} (${i.readError ?? "no image id"})`).join(", ")}`, warnings: [] };
  }
  const ids = new Set(images.map((i) => i.imageId));
  if (ids.size > 1) {
    return {
      error: `the hosts run different images: ${images.map((i) => `${i.host} runs ${short(i.imageId!)}`).join(", ")}; remove the container on the odd hosts (berth will then report it as partial) or make the images match`,
      warnings: [],
    };
  }
  const warnings = images
    .filter((i) => i.currentTagId && i.currentTagId !== i.imageId)
    .map((i) => `on ${i.host} the container runs image ${short(i.imageId!)}, but \`${i.reference}\` now points to ${short(i.currentTagId!)} there: it runs a stale image`);
  return { warnings };
}

/**
 * Fresh containers launched from one reference must run one image: hosts
 * that pulled a tag at different times (re-pushed in between), or one that
 * kept an older image under it (`IfNotPresent`), would otherwise run
 * different code under one name. Returns the error, naming hosts and ids.
 */
export function launchSkew(reference: string, images: Array<{ host: string; imageId: string }>): string | undefined {
  if (new Set(images.map((i) => i.imageId)).size <= 1) return undefined;
  return (
    `the hosts got different images for \`${reference}\`: ${images.map((i) => `${i.host} has ${short(i.imageId)}`).join(", ")}; ` +
    `the tag moved between the hosts' pulls or a host kept an older image under it. Pin the image by digest ` +
    `(\`${reference.replace(/:[^:/@]+$/, "")}@sha256:…\`) or use \`pullPolicy: "Always"\``
  );
}
