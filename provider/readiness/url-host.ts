import { isIPv6 } from "net";

/** The host part of a URL: IPv6 literals go in brackets. */
export function urlHost(address: string): string {
  return isIPv6(address) ? `[${address}]` : address;
}
