import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextPollInterval, pollBounds } from '../../src/crawl/index.js';
import { analysisSkipReason } from '../../src/pipeline/analysis-policy.js';
import { startInProcessScheduler } from '../../src/queue/index.js';
import { outletSchema } from '../../src/config/index.js';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('adaptive polling', () => {
  it('bounds an interval schedule by its floor and the schedule itself; a cron schedule is left alone', () => {
    expect(pollBounds({ kind: 'every', ms: HOUR })).toEqual({ floorMs: 7.5 * MIN, ceilingMs: HOUR });
    expect(pollBounds({ kind: 'every', ms: HOUR }, 10 * MIN)).toEqual({ floorMs: 10 * MIN, ceilingMs: HOUR });
    // Never under a minute, never above the ceiling.
    expect(pollBounds({ kind: 'every', ms: 2 * MIN })).toEqual({ floorMs: MIN, ceilingMs: 2 * MIN });
    expect(pollBounds({ kind: 'every', ms: 10 * MIN }, HOUR)).toEqual({ floorMs: 10 * MIN, ceilingMs: 10 * MIN });
    expect(pollBounds({ kind: 'cron', pattern: '0 * * * *' })).toBeUndefined();
  });

  it('halves on new articles, grows 1.5 times without, within the bounds, starting from the ceiling', () => {
    const b = { floorMs: 10 * MIN, ceilingMs: HOUR };
    expect(nextPollInterval(undefined, 3, b)).toBe(30 * MIN);
    expect(nextPollInterval(30 * MIN, 1, b)).toBe(15 * MIN);
    expect(nextPollInterval(15 * MIN, 2, b)).toBe(10 * MIN);
    expect(nextPollInterval(10 * MIN, 0, b)).toBe(15 * MIN);
    expect(nextPollInterval(50 * MIN, 0, b)).toBe(HOUR);
    expect(nextPollInterval(null, 0, b)).toBe(HOUR);
    // A stored interval outside new bounds (the config changed) comes back inside.
    expect(nextPollInterval(5 * HOUR, 0, b)).toBe(HOUR);
  });
});

describe('in-process scheduler with adapted intervals', () => {
  afterEach(() => vi.useRealTimers());

  it('waits the outlet’s current interval instead of its configured one', () => {
    vi.useFakeTimers();
    const outlet = outletSchema.parse({ id: 'x', name: 'X', homepage: 'https://x.test/', schedule: '1h' });
    const due: number[] = [];
    const intervals = new Map<string, number>([['x', 20 * MIN]]);
    const s = startInProcessScheduler([outlet], () => due.push(Date.now()), { intervalOf: (id) => intervals.get(id) });
    const start = Date.now();
    vi.advanceTimersByTime(20 * MIN);
    expect(due).toEqual([start + 20 * MIN]);
    // The crawl that just ran found nothing: the next run moves to 45 minutes after it.
    vi.advanceTimersByTime(5 * MIN);
    s.reschedule('x', 45 * MIN);
    vi.advanceTimersByTime(40 * MIN);
    expect(due).toEqual([start + 20 * MIN, start + 65 * MIN]);
    vi.advanceTimersByTime(45 * MIN);
    expect(due).toEqual([start + 20 * MIN, start + 65 * MIN, start + 110 * MIN]);
    s.stop();
  });
});

describe('analysis policy', () => {
  it('analyses English and unknown languages, records why others are not', () => {
    expect(analysisSkipReason('en')).toBeUndefined();
    expect(analysisSkipReason('en-GB')).toBeUndefined();
    expect(analysisSkipReason(null)).toBeUndefined();
    expect(analysisSkipReason('de')).toBe('language de');
    expect(analysisSkipReason('fr-CA')).toBe('language fr-CA');
  });
});
