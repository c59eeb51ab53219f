import { describe, expect, it } from 'vitest';
import { networkPolicy, ownHostsOf, parseNetworkEntry } from '../../src/crawl/network-policy.js';
import { outletSchema } from '../../src/config/index.js';

describe('allowPrivateNetwork as an allow-list', () => {
  const policy = networkPolicy(['intranet.example', '10.20.0.0/16', 'fd12::/16', '192.168.1.7']);

  it('lets public addresses through whatever the list', () => {
    expect(networkPolicy(false).refusal('news.example', '93.184.216.34')).toBeUndefined();
    expect(policy.refusal('news.example', '2606:4700::1')).toBeUndefined();
  });

  it('reaches a private address in a listed range, or through a listed host, and nothing else', () => {
    expect(policy.refusal('anything.example', '10.20.3.4')).toBeUndefined();
    expect(policy.refusal('anything.example', 'fd12::5')).toBeUndefined();
    expect(policy.refusal('192.168.1.7', '192.168.1.7')).toBeUndefined();
    expect(policy.refusal('intranet.example', '10.99.0.1')).toBeUndefined();
    expect(policy.refusal('INTRANET.example.', '10.99.0.1')).toBeUndefined();
    expect(policy.refusal('other.example', '10.99.0.1')).toBe('other.example resolves to 10.99.0.1');
    expect(policy.refusal('other.example', '192.168.1.8')).toBe('other.example resolves to 192.168.1.8');
    expect(policy.refusal('127.0.0.1', '127.0.0.1')).toBe('127.0.0.1');
    // IPv4-mapped IPv6 is the same address.
    expect(policy.refusal('other.example', '::ffff:10.99.0.1')).toBe('other.example resolves to 10.99.0.1');
  });

  it('refuses link-local and metadata addresses unless one is listed as such', () => {
    for (const ip of ['169.254.169.254', '169.254.10.1', 'fe80::1', 'fd00:ec2::254', '100.100.100.200']) {
      expect(policy.refusal('intranet.example', ip)).toMatch(/link-local or metadata address/);
      expect(networkPolicy(['0.0.0.0/0', '::/0']).refusal('x.example', ip)).toMatch(/link-local or metadata/);
    }
    expect(networkPolicy(['169.254.169.254']).refusal('metadata.internal', '169.254.169.254')).toBeUndefined();
    expect(networkPolicy(['169.254.0.0/16']).refusal('x', '169.254.3.3')).toBeUndefined();
  });

  it('checks literal URLs without resolving, localhost included', () => {
    expect(networkPolicy(false).refusalForUrl('http://localhost:8080/feed')).toBe('localhost resolves to 127.0.0.1');
    expect(networkPolicy(['localhost']).refusalForUrl('http://localhost:8080/feed')).toBeUndefined();
    expect(policy.refusalForUrl('http://[::ffff:a14:1]/x')).toBeUndefined();
    expect(policy.refusalForUrl('http://169.254.169.254/latest/meta-data/')).toMatch(/link-local/);
    expect(policy.refusalForUrl('http://news.example/')).toBeUndefined();
  });

  it('reads the deprecated true as the outlet\'s own hosts', () => {
    const outlet = outletSchema.parse({
      id: 'own',
      name: 'Own',
      homepage: 'http://127.0.0.1:8080/',
      feeds: ['http://feeds.own.test/rss'],
      allowPrivateNetwork: true,
    });
    expect(ownHostsOf(outlet)).toEqual(['127.0.0.1', 'feeds.own.test']);
    const own = networkPolicy(true, ownHostsOf(outlet));
    expect(own.refusal('127.0.0.1', '127.0.0.1')).toBeUndefined();
    expect(own.refusal('feeds.own.test', '10.0.0.3')).toBeUndefined();
    expect(own.refusal('elsewhere.test', '10.0.0.3')).toBe('elsewhere.test resolves to 10.0.0.3');
    expect(own.refusal('feeds.own.test', '169.254.169.254')).toMatch(/link-local/);
  });

  it('rejects entries that are neither hosts, addresses nor ranges, naming them', () => {
    expect(parseNetworkEntry('10.0.0.0/33')).toEqual({ kind: 'invalid', reason: '"10.0.0.0/33": the prefix length must be 0..32' });
    expect(parseNetworkEntry('not a host')).toMatchObject({ kind: 'invalid' });
    expect(parseNetworkEntry('intranet/8')).toMatchObject({ kind: 'invalid' });
    const bad = outletSchema.safeParse({ id: 'x', name: 'X', homepage: 'https://x.test/', allowPrivateNetwork: ['10.0.0.0/99'] });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('the prefix length must be 0..32');
  });
});
