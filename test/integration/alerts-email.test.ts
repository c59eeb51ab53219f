import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAlertView } from '../../src/alerts/index.js';
import { configFileSchema } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { SEND_LEASE_MS, checkAlerts, deliverPendingAlerts, scanAlerts, sendDigests, type PipelineDeps } from '../../src/pipeline/index.js';
import type { JobDispatcher } from '../../src/queue/index.js';
import { claimAlerts, ensurePartitions, insertAlert, listAlerts, monthOf, stableId, syncConfig, tables } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 6, 6);
const VERSION = 'test-1';

/** An SMTP server on loopback that keeps what it accepts; `refuse` makes it answer 451 to every recipient. */
function startSmtp() {
  const received: ParsedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, cb) {
      cb(state.refuse ? Object.assign(new Error('try later'), { responseCode: 451 }) : null);
    },
    onData(stream, _session, cb) {
      simpleParser(stream, { keepCidLinks: true }).then((m) => (received.push(m), cb()), cb);
    },
  });
  const listening = new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)));
  return { received, state, listening, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const config = configFileSchema.parse({
  outlets: ['harbour', 'ledger', 'wire', 'archive'].map((id) => ({ id, name: id === 'harbour' ? 'The Harbour Times' : `The ${id}`, homepage: `https://${id}.example/` })),
  actors: [
    { id: 'china', name: 'China', kind: 'country' },
    { id: 'usa', name: 'United States', kind: 'country' },
  ],
  alerts: [
    { id: 'watch-china', actors: ['china'], recipients: ['analyst@example.org'] },
    { id: 'usa-sources', actors: ['usa'], kinds: ['source-shift'], recipients: ['sources@example.org'] },
    { id: 'usa-daily', actors: ['usa'], kinds: ['stance-level'], recipients: ['desk@example.org'], delivery: 'digest' },
  ],
});

interface Spec {
  outlet: string;
  actor: string;
  score: (i: number) => number;
  source?: (i: number) => string;
  analyzedAt?: Date;
}

function wobble(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 0.3;
}

/** The label the seed stores for an article whose planned score is `planned` (before the wobble). */
function seededLabel(planned: number, i: number): string {
  const score = Math.max(-1, Math.min(1, planned + wobble(i)));
  return score > 0.1 ? 'positive' : score < -0.1 ? 'negative' : 'neutral';
}

/** 40 daily articles of one (outlet, actor), with a mention and optionally a quoted source each. */
async function seed(db: PipelineDeps['db'], s: Spec): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const url = `https://${s.outlet}.example/${s.actor}/${i}`;
    const id = stableId(url);
    const score = Math.max(-1, Math.min(1, s.score(i) + wobble(i)));
    const at = new Date(START + i * DAY);
    await ensurePartitions(db, 'mentions', [monthOf(at)]);
    await db.insert(tables.articles).values({ id, outletId: s.outlet, url, canonicalUrl: url, title: `${s.actor} story ${i}`, contentHash: id, fetchedAt: at, publishedAt: at, analyzerVersion: VERSION, analyzedAt: s.analyzedAt ?? new Date() });
    const label = score > 0.1 ? 'positive' : score < -0.1 ? 'negative' : 'neutral';
    await db.insert(tables.articleActors).values({ articleId: id, actorId: s.actor, analyzerVersion: VERSION, score, label, confidence: 0.8, mentions: 1, frames: { economy: 1 } });
    const sentence = `${s.actor} was ${label === 'negative' ? 'condemned' : 'praised'} on day ${i}.`;
    await db.insert(tables.mentions).values({ articleId: id, analyzerVersion: VERSION, actorId: s.actor, start: 0, end: 5, text: s.actor, score, label, confidence: 0.8, frames: ['economy'], sentence, sentenceStart: 0, sentenceEnd: sentence.length, cueSpans: [], cues: [], month: monthOf(at) });
    if (!s.source) continue;
    const content = `${s.source(i)} said trade was changing.`;
    await db.insert(tables.attributions).values({ articleId: id, analyzerVersion: VERSION, ordinal: 0, sourceText: s.source(i), sourceKind: 'organization', cue: 'said', cueStart: 0, cueEnd: 4, content, contentStart: 0, contentEnd: content.length, direct: false, targets: [{ actor: s.actor, score: 0, label: 'neutral' }] });
  }
}

const noDispatch: JobDispatcher = { enqueueCrawl: async () => {}, enqueueAnalyze: async () => {}, enqueueAlerts: async () => {} };
let tdb: TestDatabase;
let smtp: ReturnType<typeof startSmtp>;
let deps: PipelineDeps;
let mail: { smtpUrl: string };

beforeAll(async () => {
  tdb = await createTestDatabase();
  smtp = startSmtp();
  mail = { smtpUrl: `smtp://127.0.0.1:${await smtp.listening}` };
  deps = { db: tdb.handle.db, dispatcher: noDispatch, config, log: silentLogger, mail };
  await syncConfig(deps.db, config);
  const steady = (v: number) => () => v;
  await seed(deps.db, { outlet: 'harbour', actor: 'china', score: (i) => (i < 30 ? 0.5 : -0.5), source: () => 'Port Authority' });
  await seed(deps.db, { outlet: 'ledger', actor: 'china', score: steady(0.3) });
  await seed(deps.db, { outlet: 'wire', actor: 'china', score: steady(0.2) });
  await seed(deps.db, { outlet: 'harbour', actor: 'usa', score: (i) => (i < 30 ? 0.6 : 0.2) });
  const voices = (i: number) => (i < 28 ? (i % 5 === 0 ? 'Harbour Board' : 'Ministry of Commerce') : i % 5 === 0 ? 'Harbour Board' : 'Defence Officials');
  await seed(deps.db, { outlet: 'wire', actor: 'usa', score: steady(0.1), source: voices });
  await seed(deps.db, { outlet: 'archive', actor: 'china', score: (i) => (i < 30 ? -0.4 : 0.5), analyzedAt: new Date(Date.now() - 60 * DAY) });
});

afterAll(async () => {
  await smtp?.close();
  await tdb?.drop();
});

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));
const inbox = (address: string) => smtp.received.filter((m) => to(m).includes(address));

describe('framing-change alerts by e-mail (PostgreSQL + SMTP on loopback)', () => {
  it('sends one e-mail per change, with subject, text and HTML parts, chart and evidence', async () => {
    const res = await checkAlerts(deps, { outletId: 'harbour' });
    const [alert] = await listAlerts(deps.db, { ruleIds: ['watch-china'] });
    expect(res.created).toContain(alert!.id);
    expect(alert).toMatchObject({ outletId: 'harbour', actorId: 'china', kind: 'polarity-flip', sentVia: 'smtp' });
    expect(alert!.changeAt).toEqual(new Date(START + 30 * DAY));
    const [m, ...more] = inbox('analyst@example.org');
    expect(more).toEqual([]);
    // The headline's figures come from the seeded series: the share of articles labelled negative
    // over the detector's reference (the `before` articles up to the change) and since the change.
    const labelAt = (i: number) => seededLabel(i < 30 ? 0.5 : -0.5, i);
    const share = (from: number, to: number) =>
      Math.round((100 * Array.from({ length: to - from }, (_v, k) => labelAt(from + k)).filter((l) => l === 'negative').length) / (to - from));
    const before = share(30 - alert!.before.articles, 30);
    const after = share(30, 30 + alert!.after.articles);
    expect(after).toBeGreaterThan(before);
    const since = `${new Date(START + 30 * DAY).getUTCDate()} ${new Date(START + 30 * DAY).toUTCString().slice(8, 11)}`;
    expect(m!.subject).toBe(`[stancewatch] Negative coverage of China in The Harbour Times rose from ${before}% to ${after}% of articles (since ${since})`);
    expect(m!.text).toMatch(/Stance towards China in The Harbour Times \(mean article score\):\n  before: \+0\.\d\d \(95% CI/);
    expect(m!.messageId).toBe(`<alert-${alert!.id}@stancewatch>`);
    expect(m!.text).toContain('95% CI');
    expect(m!.text).toContain('Specific to this outlet: no such shift in the 3 other outlets compared over the same weeks. Moved the opposite way: archive.');
    const chart = m!.attachments.find((a) => a.contentType === 'image/png')!;
    expect(chart.content.subarray(1, 4).toString()).toBe('PNG');
    expect(m!.html).toContain(`cid:${chart.cid}`);
    const links = [...String(m!.html).matchAll(/href="(https:\/\/harbour\.example\/china\/\d+)"/g)].map((x) => x[1]);
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links.length).toBeLessThanOrEqual(5);
    expect(m!.html).toContain('china was condemned on day 3');
    expect(m!.html).toContain('Port Authority');
    expect(alert!.articles).toEqual(links);
  });

  it('writes and sends nothing twice when the check runs again', async () => {
    const before = smtp.received.length;
    const res = await checkAlerts(deps, { outletId: 'harbour' });
    expect(res.created).toEqual([]);
    expect(smtp.received.length).toBe(before);
    expect(await listAlerts(deps.db, { ruleIds: ['watch-china'] })).toHaveLength(1);
  });

  it('leaves digest alerts for the digest, then sends them in one e-mail, once', async () => {
    const [pending] = await listAlerts(deps.db, { ruleIds: ['usa-daily'] });
    expect(pending).toMatchObject({ outletId: 'harbour', actorId: 'usa', kind: 'stance-level', sentAt: null });
    expect(inbox('desk@example.org')).toEqual([]);
    await sendDigests(deps, mail);
    await sendDigests(deps, mail);
    const [digest, ...more] = inbox('desk@example.org');
    expect(more).toEqual([]);
    expect(digest!.subject).toBe('[stancewatch] 1 framing change (rule usa-daily)');
    expect((await listAlerts(deps.db, { ruleIds: ['usa-daily'] }))[0]!.sentAt).not.toBeNull();
  });

  it('finds a change of the sources quoted about an actor from attribution rows', async () => {
    await checkAlerts(deps, { outletId: 'wire' });
    const [m, ...more] = inbox('sources@example.org');
    expect(more).toEqual([]);
    expect(m!.subject).toContain('The wire quotes different sources on United States');
    expect(m!.text).toMatch(/before: Ministry of Commerce \(\d+\), Harbour Board/);
    expect(m!.text).toMatch(/after: {2}Defence Officials \(\d+\)/);
  });

  it('leaves old history to `alerts scan`, which writes and sends it once', async () => {
    expect((await checkAlerts(deps, { outletId: 'archive' })).created).toEqual([]);
    const first = await scanAlerts(deps, { since: new Date(START), outletIds: ['archive'] });
    const again = await scanAlerts(deps, { since: new Date(START) });
    expect(first[0]!.created).toHaveLength(1);
    expect(again.flatMap((r) => r.created)).toEqual([]);
    expect(inbox('analyst@example.org').filter((m) => m.subject?.includes('The archive'))).toHaveLength(1);
  });
});

async function manualAlert(n: number): Promise<string> {
  const names = { outlet: () => 'The ledger', actor: () => 'China' };
  const v = sampleAlertView('watch-china', 'ledger', 'china', names, new Date(START + n * 10 * DAY));
  const res = await insertAlert(deps.db, { ruleId: 'watch-china', outletId: 'ledger', actorId: 'china', kind: v.kind, changeAt: v.changeAt, detectedAt: v.detectedAt, before: v.before, after: v.after, articles: [], details: v.details });
  return res.id;
}

const withId = (id: string) => smtp.received.filter((m) => m.messageId === `<alert-${id}@stancewatch>`);

describe('delivery guarantees', () => {
  it('keeps an alert pending with the reason while the SMTP server refuses, and sends it once it accepts', async () => {
    const id = await manualAlert(1);
    smtp.state.refuse = true;
    const failed = await deliverPendingAlerts(deps, mail);
    expect(failed.failed).toMatchObject([{ ids: [id], permanent: false }]);
    const row = (await listAlerts(deps.db, { outletId: 'ledger' })).find((a) => a.id === id)!;
    expect(row).toMatchObject({ sentAt: null, sendingAt: null });
    expect(row.sendError).toMatch(/451/);
    smtp.state.refuse = false;
    await deliverPendingAlerts(deps, mail);
    await deliverPendingAlerts(deps, mail);
    expect(withId(id)).toHaveLength(1);
  });

  it('never sends an alert a live sender holds, and re-sends with the same Message-ID after its lease expires', async () => {
    const id = await manualAlert(2);
    // A sender that claimed the alert and died before marking it sent (maybe after SMTP accepted).
    await claimAlerts(deps.db, [{ id, messageId: `<alert-${id}@stancewatch>` }], SEND_LEASE_MS);
    expect((await deliverPendingAlerts(deps, mail)).sent).toEqual([]);
    await deps.db.execute(`UPDATE alerts SET sending_at = now() - interval '11 minutes' WHERE id = '${id}'`);
    await deliverPendingAlerts(deps, mail);
    await deliverPendingAlerts(deps, mail);
    expect(withId(id)).toHaveLength(1);
  });

  it('sends an alert once when two senders race for it', async () => {
    const id = await manualAlert(3);
    await Promise.all([deliverPendingAlerts(deps, mail), deliverPendingAlerts(deps, mail), deliverPendingAlerts(deps, mail)]);
    expect(withId(id)).toHaveLength(1);
  });

  it('keeps the `alerts list --format json` contract', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/stancewatch.js', 'alerts', 'list', '--format', 'json'], {
      env: { ...process.env, DATABASE_URL: tdb.url, LOG_LEVEL: 'silent' },
    });
    const list = JSON.parse(stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const a of list) {
      expect(Object.keys(a).sort()).toEqual(['actor', 'after', 'articles', 'before', 'changeAt', 'detectedAt', 'id', 'kind', 'outlet']);
      expect(new Date(String(a.changeAt)).toISOString()).toBe(a.changeAt);
    }
    const harbour = list.find((a) => a.outlet === 'harbour' && a.actor === 'china')!;
    expect(harbour).toMatchObject({ kind: 'polarity-flip', changeAt: new Date(START + 30 * DAY).toISOString() });
    const view = await deps.db.execute(`SELECT outlet_name, actor_name, status, sent_via, news_driven, before_articles, change FROM v_alerts WHERE alert_id = '${String(harbour.id)}'`);
    expect([...(view as unknown as Record<string, unknown>[])][0]).toMatchObject({ outlet_name: 'The Harbour Times', actor_name: 'China', status: 'sent', sent_via: 'smtp', news_driven: false, before_articles: 30 });
  });
});
