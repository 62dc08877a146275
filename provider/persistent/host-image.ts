import type Docker from "dockerode";
import { dockerMessage, isNotFound } from "../docker/errors";
import type { Member } from "./host-set";
import type { HostImage } from "./image-consistency";

/** The image a host's container runs, and what its reference points to on that host now. */
export async function hostImage(member: Member, info: Docker.ContainerInspectInfo, reference: string | undefined): Promise<HostImage> {
  const host = member.host.url;
  const ref = reference ?? info.Config.Image;
  if (!info.Image) return { host, readError: "the container reports no image id" };
  try {
    const current = await member.docker.getImage(ref).inspect();
    return { host, imageId: info.Image, currentTagId: current.Id, reference: ref };
  } catch (err) {
    if (isNotFound(err)) return { host, imageId: info.Image, reference: ref };
    return { host, readError: dockerMessage(err) };
  }
}
