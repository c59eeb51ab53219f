import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { dateFromUrl, parseDateUtc } from '../../src/crawl/dates.js';
import { readMetadata } from '../../src/crawl/metadata.js';

const URL_WITHOUT_DATE = 'https://news.example/world/harbour-terminal';
const NOW = new Date('2024-06-01T00:00:00Z');

function meta(head: string, body = '', url = URL_WITHOUT_DATE) {
  const { document } = parseHTML(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
  );
  return readMetadata(document, url, NOW);
}

const ld = (node: Record<string, unknown>): string =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', ...node })}</script>`;

describe('publication time, one source at a time', () => {
  it.each([
    [
      'JSON-LD NewsArticle',
      ld({ '@type': 'NewsArticle', datePublished: '2024-05-01T08:00:00+02:00' }),
      '',
    ],
    [
      'JSON-LD in @graph',
      ld({
        '@graph': [
          { '@type': 'WebPage' },
          { '@type': 'Article', datePublished: '2024-05-01T06:00:00Z' },
        ],
      }),
      '',
    ],
    [
      'JSON-LD mainEntity',
      ld({
        '@type': 'WebPage',
        mainEntity: { '@type': 'BlogPosting', datePublished: '2024-05-01T06:00:00Z' },
      }),
      '',
    ],
    [
      'OpenGraph article:published_time',
      '<meta property="article:published_time" content="2024-05-01T06:00:00Z">',
      '',
    ],
    ['itemprop meta', '<meta itemprop="datePublished" content="2024-05-01T09:00:00+03:00">', ''],
    ['parsely-pub-date', '<meta name="parsely-pub-date" content="2024-05-01T06:00:00Z">', ''],
    [
      'sailthru.date (no offset, read as UTC)',
      '<meta name="sailthru.date" content="2024-05-01 06:00:00">',
      '',
    ],
    [
      '<time datetime> in the article',
      '',
      '<article><time datetime="2024-05-01T06:00:00Z">1 May</time></article>',
    ],
    [
      'an itemprop element',
      '',
      '<span itemprop="datePublished" datetime="2024-05-01T01:00:00-05:00">1 May</span>',
    ],
  ])('reads %s', (_source, head, body) => {
    expect(meta(head, body).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  it.each([
    ['https://news.example/2024/05/01/terminal', '2024-05-01T00:00:00Z'],
    ['https://news.example/world/2024-05-01/terminal', '2024-05-01T00:00:00Z'],
    ['https://news.example/news/20240501/terminal.html', '2024-05-01T00:00:00Z'],
    ['https://news.example/news/2024/13/01/terminal', null],
    ['https://news.example/news/2024/02/30/terminal', null],
    ['https://news.example/news/terminal-2024', null],
  ])('takes the date from the URL %s when nothing else gives one', (url, expected) => {
    expect(dateFromUrl(url)).toEqual(expected === null ? null : new Date(expected));
    expect(meta('', '', url).publishedAt).toEqual(expected === null ? null : new Date(expected));
  });
});

describe('publication time across time zones', () => {
  it.each([
    ['2024-05-01T08:00:00+02:00', '2024-05-01T06:00:00Z'],
    ['2024-05-01T08:00:00+0200', '2024-05-01T06:00:00Z'],
    ['2024-05-01T01:00:00-05', '2024-05-01T06:00:00Z'],
    ['2024-05-01T06:00:00.123Z', '2024-05-01T06:00:00.123Z'],
    ['2024-05-01T06:00', '2024-05-01T06:00:00Z'],
    ['2024-05-01', '2024-05-01T00:00:00Z'],
    ['Wed, 01 May 2024 02:00:00 EDT', '2024-05-01T06:00:00Z'],
    ['Wed, 01 May 2024 08:00:00 CEST', '2024-05-01T06:00:00Z'],
    ['01 May 2024 15:00:00 +0900', '2024-05-01T06:00:00Z'],
  ])('parses %s as %s', (text, expected) => {
    expect(parseDateUtc(text)).toEqual(new Date(expected));
  });

  it.each(['yesterday', '0001-01-01T00:00:00Z', '2024-13-45', 'May 1 at noon, Pacific time', ''])(
    'refuses %j',
    (text) => {
      expect(parseDateUtc(text)).toBeNull();
    },
  );

  describe('on a machine in another zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it('still reads a time without an offset as UTC', () => {
      process.env.TZ = 'Asia/Tokyo';
      const head = '<meta property="article:published_time" content="2024-05-01T06:00:00">';
      expect(meta(head).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
    });
  });
});

describe('conflicting publication signals', () => {
  it('trusts JSON-LD over OpenGraph, meta tags, <time> and the URL', () => {
    const head = `${ld({ '@type': 'NewsArticle', datePublished: '2024-05-01T06:00:00Z' })}
      <meta property="article:published_time" content="2024-04-30T00:00:00Z">
      <meta name="pubdate" content="2024-04-29T00:00:00Z">`;
    const body = '<article><time datetime="2024-04-28T00:00:00Z">28 April</time></article>';
    const url = 'https://news.example/2024/04/27/terminal';
    expect(meta(head, body, url).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  it('trusts OpenGraph over a <time> of the page', () => {
    const head = '<meta property="article:published_time" content="2024-05-01T06:00:00Z">';
    const body = '<header><time datetime="2024-06-01T00:00:00Z">Today</time></header>';
    expect(meta(head, body).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  it('skips a source that cannot be parsed or lies in the future', () => {
    const head = `${ld({ '@type': 'NewsArticle', datePublished: 'soon' })}
      <meta property="article:published_time" content="2031-01-01T00:00:00Z">
      <meta name="pubdate" content="2024-05-01T06:00:00Z">`;
    expect(meta(head).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  it('refines a date without a time by a less trusted source on the same day', () => {
    const head = `${ld({ '@type': 'NewsArticle', datePublished: '2024-05-01' })}
      <meta property="article:published_time" content="2024-05-01T06:00:00Z">`;
    expect(meta(head).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  // Each source against the next one down the trust order, both giving a full time.
  it.each([
    [
      'JSON-LD over OpenGraph',
      `${ld({ '@type': 'NewsArticle', datePublished: '2024-05-01T06:00:00Z' })}
       <meta property="article:published_time" content="2024-04-30T06:00:00Z">`,
      '',
      URL_WITHOUT_DATE,
    ],
    [
      'OpenGraph over other meta tags',
      `<meta name="pubdate" content="2024-04-30T06:00:00Z">
       <meta property="article:published_time" content="2024-05-01T06:00:00Z">`,
      '',
      URL_WITHOUT_DATE,
    ],
    [
      'other meta tags over <time datetime>',
      '<meta name="parsely-pub-date" content="2024-05-01T06:00:00Z">',
      '<article><time datetime="2024-04-30T06:00:00Z">30 April</time></article>',
      URL_WITHOUT_DATE,
    ],
    [
      '<time datetime> over the URL',
      '',
      '<article><time datetime="2024-05-01T08:00:00+02:00">1 May</time></article>',
      'https://news.example/2024/04/30/terminal',
    ],
  ])('trusts %s', (_pair, head, body, url) => {
    expect(meta(head, body, url).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  it('refines a date without a time by a time on that day where it was written, past midnight UTC', () => {
    // 23:30 in New York on 1 May is 04:30 UTC on 2 May: the same day for the newsroom.
    const head = `${ld({ '@type': 'NewsArticle', datePublished: '2024-05-01' })}
      <meta property="article:published_time" content="2024-05-01T23:30:00-05:00">`;
    expect(meta(head).publishedAt).toEqual(new Date('2024-05-02T04:30:00Z'));
  });

  it('keeps a date without a time when the other sources disagree on the day', () => {
    const head = `${ld({ '@type': 'NewsArticle', datePublished: '2024-05-01' })}
      <meta property="article:published_time" content="2024-04-20T06:00:00Z">`;
    expect(meta(head).publishedAt).toEqual(new Date('2024-05-01T00:00:00Z'));
  });
});

describe('modification time', () => {
  it('reads JSON-LD dateModified before article:modified_time', () => {
    const head = `${ld({ '@type': 'NewsArticle', datePublished: '2024-05-01T06:00:00Z', dateModified: '2024-05-02T10:00:00+02:00' })}
      <meta property="article:modified_time" content="2024-05-03T00:00:00Z">`;
    expect(meta(head).modifiedAt).toEqual(new Date('2024-05-02T08:00:00Z'));
  });

  it('reads og:updated_time', () => {
    const head = '<meta property="og:updated_time" content="2024-05-02T08:00:00Z">';
    expect(meta(head).modifiedAt).toEqual(new Date('2024-05-02T08:00:00Z'));
  });

  it('drops a modification before the publication', () => {
    const head = `<meta property="article:published_time" content="2024-05-02T00:00:00Z">
      <meta property="article:modified_time" content="2024-05-01T00:00:00Z">`;
    expect(meta(head)).toMatchObject({
      publishedAt: new Date('2024-05-02T00:00:00Z'),
      modifiedAt: null,
    });
  });
});

describe('authors', () => {
  it('reads JSON-LD people and organisations, deduplicated', () => {
    const author = [
      { '@type': 'Person', name: 'Maria Lindqvist' },
      'Tomás Ortega',
      { name: 'maria lindqvist' },
    ];
    expect(meta(ld({ '@type': 'NewsArticle', author })).authors).toEqual([
      'Maria Lindqvist',
      'Tomás Ortega',
    ]);
  });

  it('splits a meta author and drops a profile URL', () => {
    const head = `<meta property="article:author" content="https://news.example/staff/jane">
      <meta name="author" content="By Jane Doe and John Roe">`;
    expect(meta(head).authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it('falls back to the byline element, without its date', () => {
    const body =
      '<article><div class="article-byline">Par Claire Dubois et Marc Petit, 15 janvier 2024</div></article>';
    expect(meta('', body).authors).toEqual(['Claire Dubois', 'Marc Petit']);
  });
});

describe('language, canonical URL and section', () => {
  it('takes the language from <html lang>, then JSON-LD inLanguage, then og:locale', () => {
    expect(
      meta(
        `${ld({ '@type': 'NewsArticle', inLanguage: 'pt-BR' })}<meta property="og:locale" content="es_ES">`,
      ).language,
    ).toBe('pt');
    expect(meta('<meta property="og:locale" content="es_ES">').language).toBe('es');
  });

  it('ignores a canonical link that points every article at the homepage', () => {
    const head =
      '<link rel="canonical" href="https://news.example/"><meta property="og:url" content="https://news.example/world/harbour-terminal?utm_source=x">';
    expect(meta(head).canonicalUrl).toBe('https://news.example/world/harbour-terminal');
  });

  it('keeps a canonical link to another host, as syndicated copies have', () => {
    const head = '<link rel="canonical" href="https://wire.example/stories/harbour-terminal">';
    expect(meta(head).canonicalUrl).toBe('https://wire.example/stories/harbour-terminal');
  });

  it('reads the section from JSON-LD articleSection, then article:section', () => {
    expect(
      meta(ld({ '@type': 'NewsArticle', articleSection: ['Politics', 'Europe'] })).section,
    ).toBe('Politics');
    expect(meta('<meta property="article:section" content="Business">').section).toBe('Business');
  });
});
