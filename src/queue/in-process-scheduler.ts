import { CronExpressionParser } from 'cron-parser';
import type { Outlet, Schedule } from '../config/index.js';

/** Milliseconds from `now` until the schedule's next run. */
export function msUntilNext(schedule: Schedule, now: Date): number {
  if (schedule.kind === 'every') return schedule.ms;
  const next = CronExpressionParser.parse(schedule.pattern, { currentDate: now }).next();
  return Math.max(1_000, next.getTime() - now.getTime());
}

/**
 * The embedded stand-in for BullMQ job schedulers: a timer per outlet that calls `onDue` at each
 * scheduled time. Timers do not keep the process alive by themselves; `stop()` clears them.
 * Adaptive polling: an interval schedule waits `intervalOf(outlet)` when it gives one, and
 * `reschedule(outlet, ms)` moves the pending run to `ms` after the previous one.
 */
export function startInProcessScheduler(
  outlets: Outlet[],
  onDue: (outletId: string) => void,
  opts: { intervalOf?: (outletId: string) => number | undefined } = {},
): { stop(): void; reschedule(outletId: string, everyMs: number): void } {
  const timers = new Map<string, NodeJS.Timeout>();
  const lastDue = new Map<string, number>();
  const adapted = new Map<string, number>();
  let stopped = false;
  const wait = (o: Outlet) =>
    (o.schedule.kind === 'every' ? (adapted.get(o.id) ?? opts.intervalOf?.(o.id)) : undefined) ??
    msUntilNext(o.schedule, new Date());
  const arm = (o: Outlet, delay = wait(o)) => {
    if (stopped) return;
    clearTimeout(timers.get(o.id));
    const t = setTimeout(() => {
      lastDue.set(o.id, Date.now());
      onDue(o.id);
      arm(o);
    }, delay);
    timers.set(o.id, t);
  };
  const started = Date.now();
  outlets.forEach((o) => arm(o));
  return {
    stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
    },
    reschedule(outletId, everyMs) {
      const o = outlets.find((x) => x.id === outletId);
      if (o === undefined || o.schedule.kind !== 'every') return;
      adapted.set(outletId, everyMs);
      arm(o, Math.max(0, (lastDue.get(outletId) ?? started) + everyMs - Date.now()));
    },
  };
}
