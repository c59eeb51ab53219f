import { z } from 'zod';
import { parseDuration } from './schedule.js';

/** An age such as `180d`, `26w` or `2y` (a year is 365 days): how far back data is kept. */
export type Age = { days: number; text: string };

const AGE = /^(\d+)\s*(d|w|y)$/i;
const DAYS = { d: 1, w: 7, y: 365 } as const;

/** The age written as `180d`, `26w` or `2y`; undefined when it is not one. */
export function parseAge(text: string): Age | undefined {
  const m = AGE.exec(text.trim());
  if (!m) return undefined;
  const days = Number(m[1]) * DAYS[m[2]!.toLowerCase() as keyof typeof DAYS];
  return days > 0 ? { days, text: text.trim() } : undefined;
}

/** The instant `age` before `now`: data published before it is older than the age. */
export function cutoffOf(age: Age, now: Date): Date {
  return new Date(now.getTime() - age.days * 86_400_000);
}

export const ageSchema = z.string().transform((text, ctx): Age => {
  const age = parseAge(text);
  if (!age) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not an age like "180d", "26w" or "2y"` });
    return z.NEVER;
  }
  return age;
});

/**
 * Retention (`stancewatch prune` on a schedule): article text and mention rows older than these
 * ages are dropped by whole months; article-level stance, rollups and alerts stay.
 */
export const retentionSchema = z
  .object({
    textOlderThan: ageSchema.optional(),
    mentionsOlderThan: ageSchema.optional(),
    /** How often the scheduler prunes (default daily). */
    every: z
      .string()
      .default('1d')
      .transform((text, ctx): number => {
        const ms = parseDuration(text);
        if (ms === undefined || ms < 3_600_000) {
          ctx.addIssue({ code: 'custom', message: `"${text}" is not an interval of an hour or more like "1d" or "12h"` });
          return z.NEVER;
        }
        return ms;
      }),
  })
  .strict();
export type Retention = z.infer<typeof retentionSchema>;
