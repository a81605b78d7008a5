import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** Addresses a server must never be talked into calling: private, loopback, link-local, CGNAT and the like. */
const internal = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  internal.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 of an IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  internal.addSubnet(net, prefix, "ipv6");

/** True for an internal address (IPv4-mapped IPv6 forms are checked as their IPv4 address); true for garbage too. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type HostVerdict = "public" | "internal" | "unresolvable";
type Lookup = (host: string) => Promise<{ address: string }[]>;
const lookupAll: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Resolves a host name (every address it has) and says whether any of them is internal. */
export async function checkHostAddresses(hostname: string, lookup: Lookup = lookupAll): Promise<HostVerdict> {
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host)) return isInternalAddress(host) ? "internal" : "public";
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host);
  } catch {
    return "unresolvable";
  }
  if (!addresses.length) return "unresolvable";
  return addresses.some((a) => isInternalAddress(a.address)) ? "internal" : "public";
}
