import { simpleParser } from 'mailparser';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  SENSITIVITY,
  alertDetailsSchema,
  alertMessageId,
  composeEml,
  detectStanceShifts,
  explainDetection,
  headerText,
  renderAlertEmail,
  safeAddress,
  toAlertView,
  type AlertView,
  type OutletSeries,
  type SeriesPoint,
} from '../../src/alerts/index.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 6, 6);

function wobble(i: number, seed: number): number {
  const x = Math.sin((i + seed * 1000) * 12.9898) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 0.3;
}

/** 30 articles around `before`, then 10 around `after`, one a day. */
function points(seed: number, before: number, after: number, title = (i: number) => `Article ${i}`): SeriesPoint[] {
  return Array.from({ length: 40 }, (_v, i) => ({
    articleId: `${seed}-${i}`,
    url: `https://news.example/${seed}/${i}`,
    title: title(i),
    at: new Date(START + i * DAY + seed * 3_600_000),
    score: (i < 30 ? before : after) + wobble(i, seed),
    frames: { economy: 1 },
    sources: i % 2 === 0 ? [{ key: 'port authority', name: 'Port Authority', kind: 'organization', quote: 'Trade is up.' }] : [],
  }));
}

function view(opts: { others?: OutletSeries[]; outletName?: string; title?: (i: number) => string; url?: string } = {}): AlertView {
  const series = points(0, 0.5, -0.4, opts.title);
  if (opts.url) series.forEach((p) => (p.url = opts.url!));
  const detection = detectStanceShifts(series, SENSITIVITY.medium)[0]!;
  const mentions = series.map((p) => ({ articleId: p.articleId, sentence: `Officials criticised China in ${p.title}. <script>x()</script>`, score: p.score, frames: ['economy'] }));
  const x = explainDetection({ detection, series, mentions, others: opts.others ?? [], sensitivity: 'medium' });
  const names = { outlet: () => opts.outletName ?? 'The Harbour Times', actor: () => 'China' };
  return toAlertView(
    { id: '7b0c1d2e-0000-5000-8000-000000000001', ruleId: 'watch-china', kind: detection.kind, outletId: 'harbour-times', actorId: 'china', changeAt: detection.changeAt, detectedAt: detection.detectedAt, before: x.before, after: x.after, details: alertDetailsSchema.parse(x.details) },
    names,
  );
}

describe('alert e-mail rendering', () => {
  it('names outlet, actor and change in the subject, with the before and after figures', () => {
    const mail = renderAlertEmail(view());
    expect(mail.subject).toMatch(/^\[stancewatch\] The Harbour Times turned negative on China \(\+0\.\d\d → −0\.\d\d\)$/);
  });

  it('has a plain-text and an HTML part with figures, intervals, evidence and sources', () => {
    const mail = renderAlertEmail(view());
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('95% CI');
      expect(part).toContain('https://news.example/0/30');
      expect(part).toContain('Port Authority');
      expect(part).toMatch(/previous week/);
    }
    expect(mail.html).toContain(`src="cid:${mail.attachments[0]!.cid}"`);
  });

  it('draws the chart as a PNG with the change marked in red', () => {
    const v = view();
    const png = PNG.sync.read(renderAlertEmail(v).attachments[0]!.content);
    expect([png.width, png.height]).toEqual([600, 220]);
    const c = v.details.chart;
    const t0 = c.points[0]![0];
    const x = Math.round(12 + ((c.changeAt - t0) / (c.detectedAt - t0)) * (600 - 24));
    const at = (px: number, py: number) => Array.from(png.data.subarray((py * 600 + px) * 4, (py * 600 + px) * 4 + 3));
    expect(at(x, 110)).toEqual([220, 38, 38]);
  });

  it('escapes article text in HTML and never links a non-http URL', () => {
    const mail = renderAlertEmail(view({ title: () => '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' }));
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toMatch(/href="javascript:/i);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says so when other outlets show the same shift (news-driven), and when none do', () => {
    const same = [points(1, 0.5, -0.4), points(2, 0.4, -0.3)].map((p, i) => ({ outletId: `other-${i}`, points: p }));
    const newsDriven = view({ others: same });
    expect(newsDriven.details.context.otherOutlets).toMatchObject({ compared: 2, newsDriven: true });
    expect(renderAlertEmail(newsDriven).text).toContain('News-driven: 2 of 2 other outlets');
    expect(renderAlertEmail(newsDriven).subject).toMatch(/\[news-driven\]$/);
    const stable = [points(3, 0.5, 0.5)].map((p) => ({ outletId: 'steady', points: p }));
    expect(renderAlertEmail(view({ others: stable })).text).toContain('Specific to this outlet: no such shift in the 1 other outlet compared');
  });
});

describe('alert wording in analysts\' words', () => {
  /** Each article labelled by its score, as the analyzer stores it. */
  function labelled(): SeriesPoint[] {
    return points(0, 0.5, -0.4).map((p) => ({ ...p, label: p.score > 0.1 ? 'positive' : p.score < -0.1 ? 'negative' : 'neutral' }));
  }

  it('says which share of coverage moved, by how much and since when, with figures from the series', () => {
    const series = labelled();
    const detection = detectStanceShifts(series, SENSITIVITY.medium)[0]!;
    const x = explainDetection({ detection, series, mentions: [], others: [], sensitivity: 'medium' });
    const v = toAlertView(
      { id: 'a1', ruleId: 'watch-china', kind: detection.kind, outletId: 'harbour-times', actorId: 'china', changeAt: detection.changeAt, detectedAt: detection.detectedAt, before: x.before, after: x.after, details: alertDetailsSchema.parse(x.details) },
      { outlet: () => 'The Harbour Times', actor: () => 'China' },
    );
    const share = (from: number, to: number, label: string) =>
      Math.round((100 * series.slice(from, to).filter((p) => p.label === label).length) / (to - from));
    const before = share(detection.refStart, detection.changeIndex, 'negative');
    const after = share(detection.changeIndex, detection.detectIndex + 1, 'negative');
    const since = `${detection.changeAt.getUTCDate()} ${detection.changeAt.toUTCString().slice(8, 11)}`;
    const mail = renderAlertEmail(v);
    const sentence = `Negative coverage of China in The Harbour Times rose from ${before}% to ${after}% of articles (since ${since})`;
    expect(before).toBeLessThan(after);
    expect(mail.subject).toBe(`[stancewatch] ${sentence}`);
    expect(mail.text.split('\n')[0]).toBe(`${sentence}.`);
    expect(mail.html).toContain(`>${sentence}</h2>`);
    // Then the mean with its interval, the shares of every label, and the driving articles.
    expect(mail.text).toContain(`  before: +${x.before.mean.toFixed(2)} (95% CI`);
    expect(mail.text).toContain(`Share of articles by stance (before -> after): negative ${before}% -> ${after}%`);
    expect(mail.text).toContain('Articles that drove it:');
  });

  it('names a positive fall when the positive share moved most', () => {
    const series = labelled().map((p) => (p.label === 'negative' ? { ...p, label: 'neutral' as const } : p));
    const detection = detectStanceShifts(series, SENSITIVITY.medium)[0]!;
    const x = explainDetection({ detection, series, mentions: [], others: [], sensitivity: 'medium' });
    const v = toAlertView(
      { id: 'a2', ruleId: 'r', kind: detection.kind, outletId: 'o', actorId: 'china', changeAt: detection.changeAt, detectedAt: detection.detectedAt, before: x.before, after: x.after, details: alertDetailsSchema.parse(x.details) },
      { outlet: () => 'The Harbour Times', actor: () => 'China' },
    );
    expect(renderAlertEmail(v).subject).toMatch(/^\[stancewatch\] Positive coverage of China in The Harbour Times fell from \d+% to \d+% of articles \(since \d+ \w{3}\)$/);
  });
});

describe('header sanitising', () => {
  it('flattens line breaks, control and bidi characters and caps the length', () => {
    expect(headerText('a\r\nBcc: x@y.org\u0000\u202Eb')).toBe('a Bcc: x@y.org b');
    expect(headerText('x'.repeat(300), 50)).toHaveLength(50);
  });

  it('keeps injected headers out of the message', async () => {
    const v = view({ outletName: 'Evil\r\nBcc: spy@evil.example\r\nX-Injected: 1' });
    const eml = await composeEml({ ...renderAlertEmail(v), messageId: alertMessageId(`alert-${v.id}`), to: ['analyst@example.org'] });
    const head = eml.toString('utf8').split(/\r?\n\r?\n/)[0]!;
    expect(head).not.toMatch(/^bcc:/im);
    expect(head).not.toMatch(/^x-injected:/im);
    const parsed = await simpleParser(eml);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toContain('Evil Bcc: spy@evil.example X-Injected: 1 turned negative on China');
    expect(parsed.messageId).toBe(`<alert-${v.id}@stancewatch>`);
  });

  it('accepts only bare addresses as recipients', () => {
    expect(safeAddress('analyst@example.org')).toBe('analyst@example.org');
    for (const bad of ['a@b.org\r\nBcc: c@d.org', 'A <a@b.org>', 'a@b.org, c@d.org', 'no-at-sign']) {
      expect(safeAddress(bad)).toBeUndefined();
    }
  });
});
