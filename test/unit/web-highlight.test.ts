import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeUrl } from '../../src/web/html.js';
import { segment, signed, stanceClass } from '../../src/web/highlight.js';

describe('segment', () => {
  it('cuts nested and overlapping marks into flat pieces that keep every covering mark', () => {
    const text = 'Officials said Beijing acted. Nothing else.';
    const sentence = { start: 0, end: 29, classes: ['ev-sentence'] };
    const quote = { start: 15, end: 28, classes: ['quote'] };
    const mention = { start: 15, end: 22, classes: ['mention'], data: { m: '0' } };
    const pieces = segment(text, [sentence, quote, mention]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.map((p) => [p.text, p.marks.flatMap((m) => m.classes)])).toEqual([
      ['Officials said ', ['ev-sentence']],
      ['Beijing', ['ev-sentence', 'quote', 'mention']],
      [' acted', ['ev-sentence', 'quote']],
      ['.', ['ev-sentence']],
      [' Nothing else.', []],
    ]);
  });

  it('clips marks to the text and ignores empty ones', () => {
    const pieces = segment('abc', [{ start: -5, end: 2, classes: ['a'] }, { start: 2, end: 2, classes: ['empty'] }, { start: 2, end: 99, classes: ['b'] }]);
    expect(pieces.map((p) => [p.text, p.marks.map((m) => m.classes[0])])).toEqual([['ab', ['a']], ['c', ['b']]]);
  });

  it('returns the whole text as one piece without marks', () => {
    expect(segment('plain', [])).toEqual([{ text: 'plain', start: 0, marks: [] }]);
  });
});

describe('html', () => {
  it('escapes interpolated text, including attribute quotes, but not nested html', () => {
    const title = '<script>alert("x")</script> & \'co\'';
    const out = html`<h1 title="${title}">${title}</h1>${html`<b>${'<i>'}</b>`}${raw('<br>')}`.value;
    expect(out).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h1><b>&lt;i&gt;</b><br>',
    );
    expect(escapeHtml('a"b')).toBe('a&quot;b');
  });

  it('renders arrays, numbers and leaves out null, undefined and false', () => {
    expect(html`${[1, 'a<', null, undefined, false]}`.value).toBe('1a&lt;');
  });

  it('lets only http(s) URLs into links', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('data:text/html,x')).toBe('#');
  });
});

describe('stance helpers', () => {
  it('names the stance class and signs the score', () => {
    expect(stanceClass('negative')).toBe('stance-negative');
    expect(stanceClass('whatever')).toBe('stance-neutral');
    expect(signed(0.456)).toBe('+0.46');
    expect(signed(-0.3)).toBe('-0.30');
  });
});
