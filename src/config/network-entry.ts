import { isIP } from 'node:net';

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1, or ::ffff:a00:1 as URLs write it) as IPv4. */
export function canonicalAddress(address: string): string {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return ip;
}

/** A host name as compared: no brackets, no trailing dot, lower case. */
export const normalHost = (host: string) => host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

/** Whether `entry` is an IP address or a CIDR range (else it is a host name). */
export function parseNetworkEntry(entry: string): { kind: 'range'; address: string; prefix: number; family: 4 | 6 } | { kind: 'host'; host: string } | { kind: 'invalid'; reason: string } {
  const text = entry.trim();
  const [address = '', prefixText, extra] = text.split('/');
  const bare = canonicalAddress(address);
  const family = isIP(bare);
  if (family === 4 || family === 6) {
    if (extra !== undefined) return { kind: 'invalid', reason: `"${entry}" is not an address or a CIDR range` };
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
      return { kind: 'invalid', reason: `"${entry}": the prefix length must be 0..${max}` };
    }
    return { kind: 'range', address: bare, prefix, family };
  }
  if (prefixText !== undefined) return { kind: 'invalid', reason: `"${entry}" is not an IP address before its "/"` };
  if (!/^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i.test(text)) {
    return { kind: 'invalid', reason: `"${entry}" is neither a host name, an IP address nor a CIDR range` };
  }
  return { kind: 'host', host: normalHost(text) };
}

