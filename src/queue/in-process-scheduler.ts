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
 */
export function startInProcessScheduler(
  outlets: Outlet[],
  onDue: (outletId: string) => void,
): { stop(): void } {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  const arm = (o: Outlet) => {
    if (stopped) return;
    const t = setTimeout(() => {
      onDue(o.id);
      arm(o);
    }, msUntilNext(o.schedule, new Date()));
    timers.set(o.id, t);
  };
  outlets.forEach(arm);
  return {
    stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}
