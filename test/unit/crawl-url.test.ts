import { describe, expect, it } from 'vitest';
import { findArticleLinks, looksLikeArticlePath } from '../../src/crawl/discover.js';
import { describeFailure } from '../../src/crawl/failure.js';
import { normalizeUrl } from '../../src/crawl/index.js';
import { isPrivateNetworkUrl } from '../../src/crawl/private-network.js';
import { PermanentError } from '../../src/errors.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://News.Example.COM/World/Story', 'https://news.example.com/World/Story'],
    ['https://news.example:443/a', 'https://news.example/a'],
    ['http://news.example:80/a', 'http://news.example/a'],
    ['http://news.example:8080/a', 'http://news.example:8080/a'],
    ['https://news.example/a#comments', 'https://news.example/a'],
    ['https://news.example/a?utm_source=rss&utm_medium=feed&id=7', 'https://news.example/a?id=7'],
    ['https://news.example/a?fbclid=x&gclid=y&UTM_Campaign=z', 'https://news.example/a'],
    ['https://news.example/a?b=2&a=1&a=0', 'https://news.example/a?a=0&a=1&b=2'],
    ['https://news.example', 'https://news.example/'],
    ['https://news.example/a/', 'https://news.example/a/'],
    ['https://news.example/a', 'https://news.example/a'],
    ['https://news.example/a?', 'https://news.example/a'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeUrl('HTTP://Example.org:80/x/?z=1&utm_term=q&a=b#f');
    expect(normalizeUrl(once)).toBe(once);
  });

  it('throws on a relative URL', () => {
    expect(() => normalizeUrl('/news/1')).toThrow(TypeError);
  });
});

describe('isPrivateNetworkUrl', () => {
  it.each([
    'http://localhost:3000/',
    'http://LOCALHOST./',
    'http://app.localhost/',
    'http://127.0.0.1/',
    'http://127.8.9.10/',
    'http://2130706433/', // 127.0.0.1 as one number
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fd00::2]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
  ])('refuses %s', (url) => {
    expect(isPrivateNetworkUrl(url)).toBe(true);
  });

  it.each([
    'https://news.example/',
    'http://172.32.0.1/',
    'http://8.8.8.8/',
    'http://[2001:db8::1]/',
    'http://192.0.2.2/',
  ])('allows %s', (url) => {
    expect(isPrivateNetworkUrl(url)).toBe(false);
  });
});

describe('findArticleLinks', () => {
  it('keeps same-site links shaped like articles, normalised and without duplicates', () => {
    const hrefs = [
      '/',
      '/world/',
      '/about/',
      '/tag/shipping',
      '/news/2024/03/05/grain-corridor-extension',
      '/news/2024/03/05/grain-corridor-extension#comments',
      'https://harbour.example/business/port-workers-end-strike?utm_campaign=home',
      'https://www.harbour.example/opinion/ed/why-the-corridor-matters',
      'https://elsewhere.example/news/2024/03/05/other',
      '/img/2024/03/05/port.jpg',
      'mailto:desk@harbour.example',
      'javascript:void(0)',
    ];
    expect(findArticleLinks(hrefs, 'https://www.harbour.example/')).toEqual([
      'https://www.harbour.example/news/2024/03/05/grain-corridor-extension',
      'https://harbour.example/business/port-workers-end-strike',
      'https://www.harbour.example/opinion/ed/why-the-corridor-matters',
    ]);
  });

  it.each([
    ['/2024/03/05/story', true],
    ['/news/20240305/story', true],
    ['/a/b/c', true],
    ['/port-workers-end-strike', true],
    ['/world/', false],
    ['/about-us', false],
    ['/authors/maria-lindqvist-and-tomas', false],
    ['/files/2024/03/report.pdf', false],
  ])('looksLikeArticlePath(%s) is %s', (path, expected) => {
    expect(looksLikeArticlePath(path)).toBe(expected);
  });
});

describe('describeFailure', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('names network errors plainly, even when Crawlee rewrapped them', () => {
    expect(describeFailure(withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'))).toBe(
      'connection refused',
    );
    const session = new Error('Detected a session error, rotating session...\nECONNREFUSED');
    expect(describeFailure(session)).toBe('connection refused');
    expect(describeFailure(withCode('getaddrinfo ENOTFOUND x.example', 'ENOTFOUND'))).toBe(
      'host not found',
    );
  });

  it('keeps the cause chain of other errors, and our own wording when it is wrapped', () => {
    const db = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    expect(describeFailure(new Error('crawl hook onArticle failed', { cause: db }))).toBe(
      'crawl hook onArticle failed: connect ECONNREFUSED 127.0.0.1:5432',
    );
    const own = new PermanentError('no article text found (12 characters of main text)');
    const wrapped = new Error('crawl hook onArticle failed', { cause: own });
    expect(describeFailure(wrapped)).toBe(own.message);
  });
});
