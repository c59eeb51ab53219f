import type { Runtime } from '../pipeline/index.js';
import { startProgress, type Progress } from '../progress/index.js';
import type { InProcessRunner, RunnerStats } from '../queue/index.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Updates `progress` with the runner's analyze jobs (done of done + pending) while `work` runs.
 * The runner runs jobs on this thread between awaits, so a short poll is enough and costs nothing.
 */
export async function withRunnerProgress<T>(
  runner: InProcessRunner,
  progress: Progress,
  work: () => Promise<T>,
  base = { done: 0 },
): Promise<T> {
  const poll = () => {
    const c = runner.counts('analyze');
    progress.update(c.done - base.done, c.done - base.done + c.pending);
  };
  const timer = setInterval(poll, 250);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    poll();
  }
}

/**
 * In embedded mode, runs every job the command enqueued, showing the analyses' progress on
 * stderr (unless quiet); with BullMQ the workers do it.
 */
export async function drainIfEmbedded(
  rt: Runtime,
  flags: { quiet?: boolean; intervalMs?: number } = {},
): Promise<RunnerStats | undefined> {
  const runner = rt.runner;
  if (!runner) return undefined;
  const start = runner.counts('analyze');
  if (start.pending === 0) return runner.drain();
  const progress = startProgress({ label: 'analyze', unit: 'articles', total: start.pending, ...flags });
  try {
    return await withRunnerProgress(runner, progress, () => runner.drain(), start);
  } finally {
    progress.stop();
  }
}
