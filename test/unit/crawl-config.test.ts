import { describe, expect, it } from 'vitest';
import { loadConfigFile, outletSchema, parseConfigText } from '../../src/config/index.js';
import { withOutletOptions } from '../../src/crawl/crawl-options.js';
import { silentLogger } from '../../src/log.js';
import { problemsOf } from '../helpers/config.js';

const outletYaml = (fields: string) => `
outlets:
  - id: daily
    name: The Daily
    homepage: https://daily.example/
    feeds: [https://daily.example/rss.xml]
    schedule: 30m
${fields}`;

describe('outlet crawl fields in the config file', () => {
  it('keeps the minimal outlet as it was, with every crawl field optional', () => {
    const outlet = parseConfigText(outletYaml('')).outlets[0]!;
    expect(outlet).toMatchObject({
      sitemaps: [],
      sections: [],
      articleUrlPatterns: [],
      excludeUrlPatterns: [],
      render: 'http',
      maxArticlesPerCrawl: 200,
    });
    expect(outlet.maxAge).toBeUndefined();
    expect(outlet.hostDelay).toBeUndefined();
    expect(outlet.maxResponseSize).toBeUndefined();
  });

  it('reads every field, with durations in ms and sizes in bytes', () => {
    const outlet = parseConfigText(
      outletYaml(`    sitemaps: [https://daily.example/news-sitemap.xml]
    sections: [https://daily.example/world/]
    articleUrlPatterns: ['/\\d{4}/\\d{2}/\\d{2}/']
    excludeUrlPatterns: ['/live/']
    maxAge: 2d
    userAgent: daily-watch/1.0 (+https://example.org/contact)
    render: browser
    maxConcurrency: 8
    maxConcurrencyPerHost: 1
    maxRequestsPerMinute: 30
    hostDelay: 1.5s
    maxCrawlDelay: 1m
    maxRetryAfter: 90s
    requestTimeout: 20s
    maxRetries: 1
    maxRedirects: 3
    maxResponseSize: 5MB
`),
    ).outlets[0]!;
    expect(outlet).toMatchObject({
      sitemaps: ['https://daily.example/news-sitemap.xml'],
      sections: ['https://daily.example/world/'],
      articleUrlPatterns: ['/\\d{4}/\\d{2}/\\d{2}/'],
      excludeUrlPatterns: ['/live/'],
      maxAge: 2 * 86_400_000,
      userAgent: 'daily-watch/1.0 (+https://example.org/contact)',
      render: 'browser',
      maxConcurrency: 8,
      maxConcurrencyPerHost: 1,
      maxRequestsPerMinute: 30,
      hostDelay: 1_500,
      maxCrawlDelay: 60_000,
      maxRetryAfter: 90_000,
      requestTimeout: 20_000,
      maxRetries: 1,
      maxRedirects: 3,
      maxResponseSize: 5 * 1_048_576,
    });
  });

  it('names the field and the problem for each bad value', () => {
    const problems = problemsOf(
      outletYaml(`    sitemaps: [sitemap.xml]
    sections: [ftp://daily.example/world/]
    articleUrlPatterns: ['/(unclosed']
    maxAge: soon
    render: chrome
    maxConcurrencyPerHost: 0
    hostDelay: 2
    requestTimeout: 10m
    maxRedirects: 1.5
    maxResponseSize: 10 GB
    maxResponseSzie: 5MB
`),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^outlets\[0\]\.sitemaps\[0\] \(line 8\): must be an absolute http\(s\) URL$/),
      expect.stringMatching(/^outlets\[0\]\.sections\[0\] \(line 9\): must be an absolute http\(s\) URL$/),
      expect.stringMatching(/^outlets\[0\]\.articleUrlPatterns\[0\] \(line 10\): not a valid regular expression$/),
      expect.stringMatching(/^outlets\[0\]\.maxAge \(line 11\): "soon" is not a duration like "2d" or "12h"$/),
      expect.stringMatching(/^outlets\[0\]\.render \(line 12\): .*"http".*"browser"/),
      expect.stringMatching(/^outlets\[0\]\.maxConcurrencyPerHost \(line 13\): .*>=1/),
      expect.stringMatching(/^outlets\[0\]\.hostDelay \(line 14\): "2" is not a duration like "500ms", "2s" or "1m"$/),
      expect.stringMatching(/^outlets\[0\]\.requestTimeout \(line 15\): "10m" is outside 1s to 5m$/),
      expect.stringMatching(/^outlets\[0\]\.maxRedirects \(line 16\): .*int/i),
      expect.stringMatching(/^outlets\[0\]\.maxResponseSize \(line 17\): "10 GB" is not a size like "512KB" or "10MB"$/),
      expect.stringMatching(/^outlets\[0\] \(line 3\): .*maxResponseSzie/),
    ]);
  });

  it('refuses a response size cap too small to hold a page', () => {
    expect(problemsOf(outletYaml('    maxResponseSize: 1KB\n'))).toEqual([
      expect.stringMatching(/maxResponseSize \(line 8\): "1KB" is outside 16KB to 100MB$/),
    ]);
  });
});

describe('withOutletOptions', () => {
  it("puts the outlet's own settings over the crawl's, and leaves the rest", () => {
    const outlet = parseConfigText(
      outletYaml('    hostDelay: 500ms\n    maxResponseSize: 64KB\n    userAgent: own/1.0\n'),
    ).outlets[0]!;
    const opts = withOutletOptions(outlet, {
      log: silentLogger,
      sameDomainDelaySecs: 0,
      maxConcurrency: 12,
      userAgent: 'process/1.0',
    });
    expect(opts).toMatchObject({
      sameDomainDelaySecs: 0.5,
      maxResponseBytes: 65_536,
      userAgent: 'own/1.0',
      maxConcurrency: 12,
    });
    expect('maxRedirects' in opts).toBe(false);
  });
});

describe('the example config', () => {
  it('parses, and its fully written outlet sets every crawl field', async () => {
    const config = await loadConfigFile('config/stancewatch.example.yaml');
    const full = config.outlets.find((o) => o.id === 'example-daily');
    expect(full).toBeDefined();
    const unset = Object.entries(full!).filter(([, v]) => v === undefined).map(([k]) => k);
    expect(unset).toEqual([]);
    expect(Object.keys(full!).sort()).toEqual(Object.keys(outletSchema.shape).sort());
  });
});
