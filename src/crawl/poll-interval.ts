import type { Schedule } from '../config/index.js';

/** The range an outlet's polling interval moves in. */
export interface PollBounds {
  floorMs: number;
  ceilingMs: number;
}

/** The shortest interval ever used: crawling a news site more often than this is not polite. */
export const MIN_POLL_MS = 60_000;
/** Without a configured floor, an outlet may be polled up to this many times more often than its schedule. */
const DEFAULT_SPEEDUP = 8;

/**
 * The bounds of adaptive polling: the configured interval is the ceiling (and the starting
 * point), the floor is `minInterval` or an eighth of it (at least a minute). A cron schedule is
 * kept as written (its times of day are the point), so it has no bounds.
 */
export function pollBounds(schedule: Schedule, minIntervalMs?: number): PollBounds | undefined {
  if (schedule.kind !== 'every') return undefined;
  const ceilingMs = schedule.ms;
  const floorMs = Math.min(ceilingMs, Math.max(MIN_POLL_MS, minIntervalMs ?? Math.round(ceilingMs / DEFAULT_SPEEDUP)));
  return { floorMs, ceilingMs };
}

/**
 * The next interval after a crawl: halved when the crawl stored new articles (the outlet is
 * publishing: look sooner), 1.5 times longer when it stored none, always within the bounds. An
 * outlet without a current interval starts from the ceiling.
 */
export function nextPollInterval(currentMs: number | null | undefined, newArticles: number, bounds: PollBounds): number {
  const from = currentMs ?? bounds.ceilingMs;
  const next = newArticles > 0 ? from / 2 : from * 1.5;
  return Math.round(Math.min(bounds.ceilingMs, Math.max(bounds.floorMs, next)));
}
