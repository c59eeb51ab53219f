import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/**
 * Whether the host of `url` is `localhost` or a literal loopback, private, link-local or
 * unspecified IP address. Names are not resolved here: {@link guardedLookup} checks what a
 * name resolves to when the connection is made.
 */
export function isPrivateNetworkUrl(url: string): boolean {
  let host: string;
  try {
    // A trailing dot ("localhost.") names the same host.
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    // Not a URL at all: the fetch fails on its own and says so.
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  const version = isIP(bare);
  if (version === 4) return isPrivateIpv4(bare);
  if (version === 6) return isPrivateIpv6(bare);
  return false;
}

/** Whether an IP address (v4 or v6, without brackets) is loopback, private or link-local. */
export function isPrivateAddress(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) return isPrivateIpv4(ip);
  if (version === 6) return isPrivateIpv6(ip.toLowerCase());
  return false;
}

/** Resolves a name to its addresses, as `dns.lookup` with `all: true` does. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

const systemResolveHost: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    );
  });

/** Thrown by {@link guardedLookup}; its code lets the failure say what happened. */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
}

/** Why connecting to `address` for `hostname` is refused, or undefined when allowed. */
export type AddressCheck = (hostname: string, address: string) => string | undefined;

/**
 * Why `check` refuses the first address a host name resolves to it refuses, or undefined when it
 * allows them all; for clients that resolve names themselves (the browser), checked before they
 * connect.
 */
export async function refusedAddressOf(
  hostname: string,
  check: AddressCheck,
  resolve: ResolveHost = systemResolveHost,
): Promise<string | undefined> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return check(bare, bare);
  for (const a of await resolve(bare)) {
    const refused = check(bare, a.address);
    if (refused !== undefined) return refused;
  }
  return undefined;
}

/**
 * A `lookup` for the HTTP client that resolves a name (with `resolve`, the system resolver by
 * default) and refuses the connection when `check` refuses any address it resolves to, so that a
 * public-looking name cannot lead the crawler into the local network. Redirects connect through
 * it too.
 */
export function guardedLookup(
  check: AddressCheck,
  resolve: ResolveHost = systemResolveHost,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = found.filter((a) => !options.family || a.family === options.family);
        const addresses = wanted.length > 0 ? wanted : found;
        let refused: string | undefined;
        for (const a of addresses) {
          refused = check(hostname, a.address);
          if (refused !== undefined) break;
        }
        const first = addresses[0];
        if (refused !== undefined) {
          callback(new PrivateAddressError(refused), '');
        } else if (first === undefined) {
          callback(
            Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
            '',
          );
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

function isPrivateIpv4(ip: string): boolean {
  const [a = -1, b = -1] = ip.split('.').map(Number);
  return (
    a === 0 || // "this network", 0.0.0.0 reaches the local host
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata endpoints
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function isPrivateIpv6(ip: string): boolean {
  if (ip === '::' || ip === '::1') return true;
  // IPv4-mapped addresses (::ffff:127.0.0.1, which URL serialises as ::ffff:7f00:1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (mapped !== null) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return isPrivateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const first = parseInt(ip.split(':')[0] || '0', 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80; // unique local, link-local
}
