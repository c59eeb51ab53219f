import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { HostGate } from '../../src/crawl/host-gate.js';
import { HostScheduler, retryAfterMs } from '../../src/crawl/hosts.js';
import { guardedLookup, isPrivateAddress } from '../../src/crawl/private-network.js';
import { networkPolicy } from '../../src/crawl/network-policy.js';
import { parseRobots, robotsUrlFor } from '../../src/crawl/robots.js';

const POLICY = {
  maxConcurrency: 2,
  minDelayMs: 1000,
  maxCrawlDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};
const START = { kind: 'start' };
const BUSY = { kind: 'busy' };
const wait = (ms: number) => ({ kind: 'wait', ms });

function scheduler(policy = POLICY) {
  let now = 1_000_000;
  const hosts = new HostScheduler(policy, () => now);
  return { hosts, advance: (ms: number) => (now += ms) };
}

describe('HostScheduler', () => {
  it('spaces the requests to one host by the minimum delay', () => {
    const { hosts, advance } = scheduler();
    expect(hosts.reserve('https://news.example/a')).toEqual(START);
    expect(hosts.reserve('https://news.example/b')).toEqual(wait(1000));
    advance(400);
    expect(hosts.reserve('https://news.example/b')).toEqual(wait(600));
    advance(600);
    expect(hosts.reserve('https://news.example/b')).toEqual(START);
  });

  it('does not slow down another host', () => {
    const { hosts } = scheduler();
    expect(hosts.reserve('https://news.example/a')).toEqual(START);
    expect(hosts.reserve('https://other.example/a')).toEqual(START);
  });

  it('keeps at most maxConcurrency requests in flight per host', () => {
    const { hosts, advance } = scheduler({ ...POLICY, minDelayMs: 0 });
    expect(hosts.reserve('http://127.0.0.1:8080/a')).toEqual(START);
    expect(hosts.reserve('http://127.0.0.1:8080/b')).toEqual(START);
    expect(hosts.reserve('http://127.0.0.1:8080/c')).toEqual(BUSY);
    hosts.release('http://127.0.0.1:8080/a');
    advance(1);
    expect(hosts.reserve('http://127.0.0.1:8080/c')).toEqual(START);
  });

  it('exempts IP-literal hosts from the minimum delay, as Crawlee does', () => {
    const { hosts } = scheduler();
    expect(hosts.reserve('http://127.0.0.1:8080/a')).toEqual(START);
    expect(hosts.reserve('http://127.0.0.1:8080/b')).toEqual(START);
  });

  it('applies a robots.txt Crawl-delay, capped, to IP hosts too', () => {
    const { hosts } = scheduler();
    hosts.setCrawlDelay('http://127.0.0.1:8080/', 3);
    expect(hosts.reserve('http://127.0.0.1:8080/a')).toEqual(START);
    expect(hosts.reserve('http://127.0.0.1:8080/b')).toEqual(wait(3000));
    hosts.setCrawlDelay('https://slow.example/', 3600);
    expect(hosts.reserve('https://slow.example/a')).toEqual(START);
    expect(hosts.reserve('https://slow.example/b')).toEqual(wait(10_000));
  });

  it('pauses only the host that asked, and gives up on one that asks too much', () => {
    const { hosts, advance } = scheduler();
    expect(hosts.pause('https://busy.example/x', 5000)).toBe(true);
    expect(hosts.reserve('https://busy.example/x')).toEqual(wait(5000));
    expect(hosts.reserve('https://calm.example/x')).toEqual(START);
    advance(5000);
    expect(hosts.reserve('https://busy.example/x')).toEqual(START);
    expect(hosts.pause('https://busy.example/x', 3_600_000)).toBe(false);
    expect(hosts.isGivenUp('https://busy.example/y')).toBe(true);
    expect(hosts.isGivenUp('https://calm.example/y')).toBe(false);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2024-05-01T06:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 01 May 2024 06:00:30 GMT', 30_000],
    ['Wed, 01 May 2024 05:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%j -> %j', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});

describe('parseRobots', () => {
  const UA = 'stancewatch/0.1 (+https://example.org/contact)';
  const text = [
    'User-agent: *',
    'Disallow: /private/',
    'Crawl-delay: 2',
    '',
    'User-agent: stancewatch',
    'Disallow: /drafts/',
    'Allow: /drafts/public',
    'Crawl-delay: 5',
    '',
    'Sitemap: https://news.example/sitemap-news.xml',
  ].join('\n');
  const rules = parseRobots('https://news.example/robots.txt', text, UA);

  it('follows the group of our product token over *', () => {
    expect(rules.isAllowed('https://news.example/drafts/x')).toBe(false);
    expect(rules.isAllowed('https://news.example/drafts/public')).toBe(true);
    expect(rules.isAllowed('https://news.example/private/x')).toBe(true);
    expect(rules.crawlDelaySecs).toBe(5);
  });

  it('falls back to * for another agent, and lists the sitemaps', () => {
    const other = parseRobots('https://news.example/robots.txt', text, 'otherbot/1.0');
    expect(other.isAllowed('https://news.example/private/x')).toBe(false);
    expect(other.crawlDelaySecs).toBe(2);
    expect(rules.sitemaps).toEqual(['https://news.example/sitemap-news.xml']);
  });

  it('allows everything for an empty or unreadable file', () => {
    const empty = parseRobots('https://news.example/robots.txt', '<html>oops</html>', UA);
    expect(empty.isAllowed('https://news.example/anything')).toBe(true);
    expect(empty.crawlDelaySecs).toBeUndefined();
  });

  it('finds the robots.txt of a URL on its own scheme, host and port', () => {
    expect(robotsUrlFor('http://news.example:8080/a/b?c=1')).toBe(
      'http://news.example:8080/robots.txt',
    );
  });
});

describe('guardedLookup', () => {
  const resolveTo =
    (...addresses: string[]) =>
    async (): Promise<LookupAddress[]> =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  function lookup(allowPrivate: boolean, ...addresses: string[]) {
    const fn = guardedLookup(networkPolicy(allowPrivate ? ['news.example'] : false).refusal, resolveTo(...addresses));
    return new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) => {
      fn('news.example', {}, (err, address) => resolve({ err, address }));
    });
  }

  it('passes a public address through', async () => {
    expect(await lookup(false, '93.184.216.34')).toEqual({ err: null, address: '93.184.216.34' });
  });

  it.each([
    ['127.0.0.1'],
    ['10.1.2.3'],
    ['169.254.169.254'],
    ['::1'],
    ['fd00::1'],
    ['93.184.216.34', '192.168.0.10'],
  ])('refuses a name that resolves to %s', async (...addresses) => {
    const { err } = await lookup(false, ...addresses);
    expect(err).toMatchObject({
      code: 'EPRIVATEADDRESS',
      message: expect.stringMatching(/^news\.example resolves to /),
    });
  });

  it('lets an outlet whose allow-list names the host through', async () => {
    expect(await lookup(true, '127.0.0.1')).toEqual({ err: null, address: '127.0.0.1' });
  });

  it('refuses a listed host that resolves to a link-local (metadata) address', async () => {
    const { err } = await lookup(true, '169.254.169.254');
    expect(err).toMatchObject({ code: 'EPRIVATEADDRESS', message: expect.stringMatching(/link-local or metadata/) });
  });

  it('classifies addresses', () => {
    expect(isPrivateAddress('172.20.1.1')).toBe(true);
    expect(isPrivateAddress('172.32.1.1')).toBe(false);
    expect(isPrivateAddress('2001:db8::1')).toBe(false);
  });
});

describe('HostGate', () => {
  function gate(window: number) {
    const queued: string[] = [];
    const g = new HostGate(window, async (requests) => {
      queued.push(...requests.map((r) => r.url));
    });
    return { g, queued };
  }
  const reqs = (...urls: string[]) => urls.map((url) => ({ url, uniqueKey: url }));

  it("lets a window of each host's requests through, in order, and the next as one is done", async () => {
    const { g, queued } = gate(2);
    await g.add(reqs('http://a.test/1', 'http://a.test/2', 'http://a.test/3', 'http://b.test/1', 'http://a.test/4'));
    expect(queued).toEqual(['http://a.test/1', 'http://a.test/2', 'http://b.test/1']);
    expect(g.backlog).toBe(2);
    await g.done('http://a.test/1');
    expect(queued.at(-1)).toBe('http://a.test/3');
    await g.done('http://b.test/1');
    await g.done('http://a.test/2');
    await g.done('http://a.test/3');
    expect(queued).toEqual([
      'http://a.test/1', 'http://a.test/2', 'http://b.test/1', 'http://a.test/3', 'http://a.test/4',
    ]);
    expect(g.backlog).toBe(0);
  });

  it('keeps a late request of a host behind the ones already waiting', async () => {
    const { g, queued } = gate(1);
    await g.add(reqs('http://a.test/1', 'http://a.test/2'));
    await g.done('http://a.test/1');
    await g.add(reqs('http://a.test/3'));
    expect(queued).toEqual(['http://a.test/1', 'http://a.test/2']);
    await g.done('http://a.test/2');
    expect(queued).toEqual(['http://a.test/1', 'http://a.test/2', 'http://a.test/3']);
  });

  it('drops a request it has already seen, which would never free its place', async () => {
    const { g, queued } = gate(1);
    await g.add(reqs('http://a.test/1'));
    await g.add(reqs('http://a.test/1', 'http://a.test/2'));
    expect(queued).toEqual(['http://a.test/1']);
    expect(g.backlog).toBe(1);
  });
});
