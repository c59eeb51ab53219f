import { describe, expect, it } from 'vitest';
import { extractArticle, hammingDistance } from '../../src/crawl/index.js';
import { isDateLine } from '../../src/crawl/extraction/boilerplate-text.js';
import { simhash } from '../../src/crawl/extraction/simhash.js';

const URL = 'https://news.example/world/harbour-terminal';
const P1 =
  'The harbour authority said on Monday that the new terminal would open in the spring, after two ' +
  'years of construction and several delays caused by storms along the coast.';
const P2 =
  'Shipping companies welcomed the news, saying that the extra berths would cut waiting times for ' +
  'container vessels, which have grown longer every winter since the old quay was closed.';
const P3 =
  'Residents of the neighbouring district remain worried about lorry traffic, and the council has ' +
  'promised a new access road before the first ships are handled at the terminal.';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>Terminal to open</title>${head}</head><body>${body}</body></html>`;
const paragraphs = (text: string) => text.split('\n\n');

describe('boilerplate inside the article', () => {
  it('drops figures, captions, credits, share bars, newsletter boxes and ads', () => {
    const html = page(`<article>
      <p>${P1}</p>
      <figure><img src="a.jpg"><figcaption>The quay at dawn. Photo: Jane Roe</figcaption></figure>
      <div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
      <p>${P2}</p>
      <div class="newsletter-signup"><h3>Get our morning briefing</h3><p>Sign up for our newsletter, delivered to your inbox every weekday.</p></div>
      <div class="ad-slot">Advertisement</div>
      <p>Advertisement</p>
      <p>The terminal in 2019 (Image: Getty)</p>
      <p>${P3}</p></article>`);
    expect(paragraphs(extractArticle(html, URL).text)).toEqual([P1, P2, P3]);
  });

  it('drops "Read more" links, related-story lists and a caption under an image', () => {
    const html = page(`<article>
      <p>${P1}</p>
      <p><strong>READ MORE:</strong> <a href="/x">Port strike ends after pay deal</a></p>
      <p><img src="b.jpg"></p><p>Cranes at the new berth</p>
      <p>${P2}</p>
      <h3>Related stories</h3>
      <ul><li><a href="/a">Storm closes the old quay</a></li><li><a href="/b">Council approves access road</a></li></ul>
      <p>${P3}</p></article>`);
    expect(paragraphs(extractArticle(html, URL).text)).toEqual([P1, P2, P3]);
  });

  it('drops a byline and dateline at the top and credits at the bottom', () => {
    const html = page(`<article>
      <p>By Jane Doe and John Roe</p>
      <p>Published: 10:48, Tue, Nov 19, 2019 | Updated: 11:05, Tue, Nov 19, 2019</p>
      <p>${P1}</p><p>${P2}</p><p>${P3}</p>
      <p>(Reporting by Jane Doe; Editing by John Roe)</p>
      <p>Jane Doe is a reporter for the Harbour Courier covering transport.</p></article>`);
    expect(paragraphs(extractArticle(html, URL).text)).toEqual([P1, P2, P3]);
  });

  it('keeps headings, lists, quotes and data tables of the story', () => {
    const html = page(`<article>
      <p>${P1}</p><h2>What happens next</h2>
      <ul><li>A second berth opens in June.</li><li>Night shifts start in July.</li></ul>
      <blockquote>“We are ready,” the harbour master said.</blockquote>
      <table><tr><th>Berth</th><th>Length</th></tr><tr><td>1</td><td>350</td></tr></table>
      <p>${P2}</p></article>`);
    expect(paragraphs(extractArticle(html, URL).text)).toEqual([
      P1,
      'What happens next',
      'A second berth opens in June.',
      'Night shifts start in July.',
      '“We are ready,” the harbour master said.',
      'Berth',
      'Length',
      '1',
      '350',
      P2,
    ]);
  });

  it('keeps the story when its own container has a boilerplate-like name', () => {
    const html =
      page(`<div class="sidebar-layout"><div class="article-body paywall premium-content">
      <p>${P1}</p><p>${P2}</p><p>${P3}</p></div><div class="sidebar"><p>Most read: something else entirely</p></div></div>`);
    expect(paragraphs(extractArticle(html, URL).text)).toEqual([P1, P2, P3]);
  });

  it('leaves words inside a sentence alone, whatever their class', () => {
    const html =
      page(`<article><p>${P1}</p><p>The vote on <span class="date">Monday</span> was close.
      ${P2}</p><p>${P3}</p></article>`);
    expect(extractArticle(html, URL).text).toContain('The vote on Monday was close.');
  });
});

describe('isDateLine', () => {
  it.each([
    ['Nov. 20, 2019 6:02 AM EST', true],
    ['Published November 20th, 2019 - 07:29 GMT', true],
    ['sexta-feira, 22 de outubro de 2010 às 20:13', true],
    ['15 janvier 2024', true],
    ['5040', false],
    ['May we all agree on 2019?', false],
    ['The port reopened on 5 May 2024 after repairs.', false],
  ])('%s -> %s', (text, expected) => {
    expect(isDateLine(text)).toBe(expected);
  });
});

describe('quality flags', () => {
  it('flags nothing on a clean, long enough story', () => {
    expect(
      extractArticle(page(`<article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`), URL)
        .qualityFlags,
    ).toEqual([]);
  });

  it('flags a short teaser of a paywalled story', () => {
    const head = `<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>`;
    const html = page(
      `<article><p>${P1}</p><p>${P2}</p>
      <div class="paywall"><p>Subscribe to continue reading.</p></div></article>`,
      head,
    );
    expect(extractArticle(html, URL).qualityFlags).toEqual(['too-short', 'paywall-teaser']);
  });

  it('uses a plausible JSON-LD articleBody when the page renders its text with JavaScript', () => {
    const body = [P1, P2, P3, P1, P2].join('\n');
    const head = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script>`;
    const html = page(
      `<div id="root"><p>${P1}</p></div>
      <noscript>Please enable JavaScript to read this site.</noscript>`,
      head,
    );
    const article = extractArticle(html, URL);
    expect(paragraphs(article.text)).toEqual([P1, P2, P3, P1, P2]);
    expect(article.qualityFlags).toEqual(['needs-javascript', 'text-from-json-ld']);
  });

  it('says when a page without text needs JavaScript', () => {
    const html = page(
      '<div id="__next"></div><noscript>You need to enable JavaScript to run this app.</noscript>',
    );
    expect(() => extractArticle(html, URL)).toThrow(
      'no article text found (0 characters of main text; the page needs JavaScript)',
    );
  });

  it('flags boilerplate the rules missed', () => {
    const html = page(
      `<article><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>We use cookies to improve your experience on this site and to show you offers.</p></article>`,
    );
    expect(extractArticle(html, URL).qualityFlags).toEqual(['leaked-boilerplate']);
  });
});

describe('simhash', () => {
  const story = [P1, P2, P3].join('\n\n');

  it('is 16 hex digits, the same for the same text', () => {
    expect(simhash(story)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(story)).toBe(simhash(story.replace(/\n\n/g, ' ')));
  });

  it('moves a few bits for a small edit and about half for another text', () => {
    const edited = story.replace('Monday', 'Tuesday');
    expect(hammingDistance(simhash(story), simhash(edited))).toBeLessThanOrEqual(10);
    const other =
      'Ministers agreed overnight to extend the grain corridor for six more months. '.repeat(5);
    expect(hammingDistance(simhash(story), simhash(other))).toBeGreaterThan(16);
  });

  it('is on every extracted article', () => {
    const article = extractArticle(
      page(`<article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`),
      URL,
    );
    expect(article.simhash).toBe(simhash(article.text));
  });
});
