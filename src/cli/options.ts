import type { Command } from 'commander';

/** `--since DAY` as the start of that day in UTC; undefined when the flag is absent. */
export function sinceDay(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime())) {
    throw new Error(`--since must be a day like 2026-08-03 (got "${value}")`);
  }
  return at;
}

/** `--quiet` and `--progress-every SECONDS` of the root program, as startProgress options. */
export function progressFlags(program: Command): { quiet: boolean; intervalMs?: number } {
  const o = program.opts<{ quiet?: boolean; progressEvery?: string }>();
  if (o.progressEvery === undefined) return { quiet: o.quiet ?? false };
  const seconds = Number(o.progressEvery);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`--progress-every must be a number of seconds above 0 (got "${o.progressEvery}")`);
  }
  return { quiet: o.quiet ?? false, intervalMs: seconds * 1000 };
}
