/**
 * The lowest free ports of a range, distinct from each other and from every
 * port already taken. Pure arithmetic: what counts as taken is decided by the
 * caller from the daemon's containers.
 */
export function lowestFreePorts(count: number, range: { from: number; to: number }, taken: ReadonlySet<number>): number[] | undefined {
  const picked: number[] = [];
  for (let port = range.from; port <= range.to && picked.length < count; port++) {
    if (!taken.has(port)) picked.push(port);
  }
  return picked.length === count ? picked : undefined;
}
