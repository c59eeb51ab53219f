import { BlockList, isIP } from 'node:net';
import { canonicalAddress as canonical, normalHost, parseNetworkEntry } from '../config/index.js';
import { isPrivateAddress } from './private-network.js';

export { parseNetworkEntry };

/**
 * Which private addresses one outlet may reach, from its `allowPrivateNetwork`:
 * - `false` (the default): none;
 * - a list of host names, IP addresses and CIDR ranges ("intranet.example", "10.1.2.3",
 *   "10.0.0.0/8", "fd00::/8"): a private address is reached when it lies in a listed range, or
 *   when the request's host name is listed;
 * - `true` (deprecated): the outlet's own hosts (of its homepage, feeds, sitemaps and sections),
 *   as the list of those names.
 * Link-local addresses (169.254.0.0/16, fe80::/10; cloud metadata endpoints live there) and the
 * other metadata addresses are refused even for a listed host: only an address or range that is
 * itself link-local or metadata, listed as such, lets them through. The check runs on the
 * address each connection is made to, so a redirect or a DNS answer cannot get around it.
 */
export interface NetworkPolicy {
  /** Why connecting to `address` for `hostname` is refused, or undefined when it is allowed. */
  refusal(hostname: string, address: string): string | undefined;
  /** The same for a URL whose host is an IP literal or `localhost`, without resolving anything. */
  refusalForUrl(url: string): string | undefined;
}

// Metadata endpoints outside link-local: AWS's IPv6 one (fd00:ec2::254), Alibaba Cloud's
// (100.100.100.200), and link-local's IPv6 form of the usual one.
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', 'fe80::a9fe:a9fe']);

/** Link-local or a known metadata endpoint: never reached through a host name or a broad range. */
export function isLinkLocalOrMetadata(address: string): boolean {
  const ip = canonical(address);
  if (METADATA.has(ip)) return true;
  if (isIP(ip) === 4) return ip.startsWith('169.254.');
  if (isIP(ip) === 6) return (parseInt(ip.split(':')[0] || '0', 16) & 0xffc0) === 0xfe80;
  return false;
}

/** The outlet's own host names, for the deprecated `allowPrivateNetwork: true`. */
export function ownHostsOf(outlet: { homepage: string; feeds: readonly string[]; sitemaps?: readonly string[]; sections?: readonly string[] }): string[] {
  const urls = [outlet.homepage, ...outlet.feeds, ...(outlet.sitemaps ?? []), ...(outlet.sections ?? [])];
  const hosts = new Set<string>();
  for (const u of urls) {
    try {
      hosts.add(normalHost(new URL(u).hostname));
    } catch {
      // The config schema only lets absolute http(s) URLs through.
    }
  }
  return [...hosts];
}

export function networkPolicy(allow: boolean | readonly string[], ownHosts: readonly string[] = []): NetworkPolicy {
  const entries = allow === true ? [...ownHosts] : allow === false ? [] : [...allow];
  const hosts = new Set<string>();
  const ranges = new BlockList();
  const linkLocalRanges = new BlockList();
  for (const entry of entries) {
    const parsed = parseNetworkEntry(entry);
    if (parsed.kind === 'invalid') throw new Error(`allowPrivateNetwork: ${parsed.reason}`);
    if (parsed.kind === 'host') {
      hosts.add(parsed.host);
      continue;
    }
    const type = parsed.family === 4 ? 'ipv4' : 'ipv6';
    ranges.addSubnet(parsed.address, parsed.prefix, type);
    // Only a range that is itself link-local or metadata, listed on purpose, opens those.
    if (isLinkLocalOrMetadata(parsed.address)) linkLocalRanges.addSubnet(parsed.address, parsed.prefix, type);
  }
  const inRange = (list: BlockList, ip: string) => list.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
  const refusal = (hostname: string, address: string): string | undefined => {
    const ip = canonical(address);
    if (isIP(ip) === 0) return undefined;
    const host = normalHost(hostname);
    const said = host === ip ? ip : `${host} resolves to ${ip}`;
    if (isLinkLocalOrMetadata(ip)) {
      return inRange(linkLocalRanges, ip) ? undefined : `${said}, a link-local or metadata address (list it explicitly to allow it)`;
    }
    if (!isPrivateAddress(ip)) return undefined;
    if (inRange(ranges, ip) || hosts.has(host)) return undefined;
    return said;
  };
  return {
    refusal,
    refusalForUrl(url) {
      let host: string;
      try {
        host = normalHost(new URL(url).hostname);
      } catch {
        return undefined;
      }
      if (host === 'localhost' || host.endsWith('.localhost')) return refusal(host, '127.0.0.1');
      return isIP(canonical(host)) === 0 ? undefined : refusal(host, canonical(host));
    },
  };
}
