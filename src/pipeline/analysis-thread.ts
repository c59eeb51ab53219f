import type { Worker } from 'node:worker_threads';
import type { Actor, Analysis } from '../nlp/index.js';
import { newScriptThread } from '../script-thread.js';

/**
 * Analysis on a thread of its own, so that an analyze worker's main thread keeps fetching jobs,
 * reading articles and saving earlier batches while a batch is analysed (on real news pages this
 * made the stage 10–18% faster in alternating runs; the thread costs about 80 MB of memory).
 */
export interface AnalysisThread {
  /** Texts are analysed in the order they are sent. */
  analyze(text: string): Promise<Analysis>;
  close(): Promise<void>;
}

type Reply = { ready: true } | { id: number; analysis: Analysis } | { id: number; error: string };
type Pending = { resolve: (a: Analysis) => void; reject: (e: Error) => void };

function spawnThread(actors: readonly Actor[]): Worker {
  // The process's heap cap (--max-old-space-size, on the command line or in NODE_OPTIONS) becomes
  // the thread's own limit.
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const heapCap = flags.map((a) => /^--max-old-space-size=(\d+)$/.exec(a)?.[1]).find((v) => v !== undefined);
  return newScriptThread(import.meta.url, 'analysis-thread-main', {
    workerData: { actors },
    ...(heapCap ? { resourceLimits: { maxOldGenerationSizeMb: Number(heapCap) } } : {}),
  });
}

/**
 * Starts the analysis thread and resolves once it has loaded and warmed up the models (about a
 * second). A thread that dies fails the analyses it was given (their jobs are retried) and is
 * started again for the next ones.
 */
export async function startAnalysisThread(actors: readonly Actor[]): Promise<AnalysisThread> {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;

  const start = (): { worker: Worker; ready: Promise<void> } => {
    const worker = spawnThread(actors);
    let started = false;
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: Reply) => {
        if ('ready' in m) {
          started = true;
          return resolve();
        }
        const p = pending.get(m.id);
        pending.delete(m.id);
        if ('error' in m) p?.reject(new Error(`analysis failed: ${m.error}`));
        else p?.resolve(m.analysis);
      });
      let failed = false;
      // 'error' is followed by 'exit': one restart per thread.
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        reject(err);
        for (const p of pending.values()) p.reject(err);
        pending.clear();
        // A thread that never got ready cannot start here: no restart loop, the error stands.
        if (!closed && started) current = start();
      };
      worker.on('error', (err) => fail(new Error(`the analysis thread failed: ${err.message}`)));
      worker.on('exit', (code) => fail(new Error(`the analysis thread exited with code ${code}`)));
    });
    // A failed start is reported to the first caller waiting on it, not as an unhandled rejection.
    ready.catch(() => undefined);
    return { worker, ready };
  };

  let current = start();
  await current.ready;
  return {
    async analyze(text) {
      if (closed) throw new Error('the analysis thread is closed');
      const { worker, ready } = current;
      await ready;
      return new Promise<Analysis>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, text });
      });
    },
    async close() {
      closed = true;
      current.worker.removeAllListeners('exit');
      await current.worker.terminate();
    },
  };
}

/**
 * `n` analysis threads taking texts in turn: a backfill on an otherwise idle machine keeps every
 * core analysing while this thread stores (`stancewatch ingest`). About 80 MB of memory a thread.
 */
export async function startAnalysisPool(actors: readonly Actor[], n: number): Promise<AnalysisThread> {
  const threads = await Promise.all(Array.from({ length: Math.max(1, n) }, () => startAnalysisThread(actors)));
  let next = 0;
  return {
    analyze(text) {
      const t = threads[next++ % threads.length]!;
      return t.analyze(text);
    },
    async close() {
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}
