import { CronExpressionParser } from 'cron-parser';

/** When an outlet is crawled: a cron pattern, or a fixed interval in milliseconds. */
export type Schedule = { kind: 'cron'; pattern: string } | { kind: 'every'; ms: number };

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(?:every\s+)?(\d+)\s*(s|m|h|d)$/i;

/** Milliseconds of a duration such as `15m`, `2h`, `every 30m`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase() as keyof typeof UNIT_MS;
  return Number(m[1]) * UNIT_MS[unit];
}

/**
 * Reads a schedule written as `15m` / `every 2h` (interval) or a 5- or 6-field cron pattern.
 * Throws with the reason when it is neither, so config validation can report it with its path.
 */
export function parseSchedule(text: string): Schedule {
  const ms = parseDuration(text);
  if (ms !== undefined) {
    // Crawling more often than once a minute is never polite to a news site.
    if (ms < 60_000) throw new Error(`interval ${text} is shorter than the 1 minute minimum`);
    return { kind: 'every', ms };
  }
  const fields = text.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) {
    throw new Error(`"${text}" is neither an interval like "30m" nor a cron pattern of 5 or 6 fields`);
  }
  try {
    CronExpressionParser.parse(text);
  } catch (err) {
    throw new Error(`"${text}" is not a valid cron pattern (${(err as Error).message})`);
  }
  return { kind: 'cron', pattern: text.trim() };
}
