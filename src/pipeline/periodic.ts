/**
 * Runs `task` at once and then every `everyMs`, one run at a time (a tick while a run is still
 * going is skipped); a failed run goes to `onError` and the next tick tries again. `stop` clears
 * the timer and waits for the run in progress.
 */
export function runPeriodically(
  task: () => Promise<unknown>,
  everyMs: number,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = task()
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
