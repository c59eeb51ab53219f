import type { Runtime } from '../pipeline/index.js';
import type { RunnerStats } from '../queue/index.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** In embedded mode, runs every job the command enqueued; with BullMQ the workers do it. */
export async function drainIfEmbedded(rt: Runtime): Promise<RunnerStats | undefined> {
  return rt.runner ? rt.runner.drain() : undefined;
}
