import type { Worker } from 'node:worker_threads';
import { PermanentError } from '../errors.js';
import { newScriptThread } from '../script-thread.js';
import { extractArticle, type ExtractedArticle } from './extract.js';
import type { ExtractionTask } from './extraction-thread.js';

/**
 * Article extraction on a thread of its own, shared by every crawl of the process.
 *
 * Extraction builds a DOM per page and is most of a crawl's CPU. On the event loop it competes
 * with the crawl's network work, and its garbage, promoted by the crawl's own allocations, let
 * the heap of a 20,000-page crawl grow past 600 MB between collections. On its own thread it runs
 * beside the network work, and its heap has fixed limits: V8 collects there well before them.
 * A page whose extraction exceeds them fails alone, and the thread is started again.
 */

/** Heap limits of the extraction thread. A 10 MB page (the default size cap) fits well within. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

interface Pending {
  html: string;
  url: string;
  now: Date;
  resolve(article: ExtractedArticle): void;
  reject(err: Error): void;
}

type Reply =
  | { id: number; ok: true; article: ExtractedArticle }
  | { id: number; ok: false; message: string; permanent: boolean };

/**
 * An idle thread is stopped after this long: its isolate holds about 130 MB (the demo's crawl
 * measured 798 MB peak RSS with it kept, 670 MB without a thread), and a crawl is followed by
 * analysis, not by more pages. The next page starts a new thread (a few hundred ms).
 */
const IDLE_MS = 2_000;

let thread: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let threadFailed = false;
/** Whether a thread ever answered: one that dies before that cannot start here at all. */
let threadWorked = false;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * {@link extractArticle} on the extraction thread; in this thread when no thread can be started.
 * Rejects with a PermanentError where extractArticle throws one (no article text) and when the
 * page exhausts the thread's memory.
 */
export function extractOffThread(html: string, url: string, now: Date): Promise<ExtractedArticle> {
  const worker = threadFailed ? undefined : startThread();
  if (worker === undefined) return Promise.resolve().then(() => extractArticle(html, url, now));
  const id = nextId++;
  clearTimeout(idleTimer);
  return new Promise<ExtractedArticle>((resolve, reject) => {
    pending.set(id, { html, url, now, resolve, reject });
    if (pending.size === 1) worker.ref();
    const task: ExtractionTask = { id, html, url, now: now.getTime() };
    worker.postMessage(task);
  });
}

function startThread(): Worker | undefined {
  if (thread !== undefined) return thread;
  try {
    thread = newScriptThread(import.meta.url, 'extraction-thread', { resourceLimits: RESOURCE_LIMITS });
  } catch {
    // Threads unavailable (a locked-down runtime): extract on the event loop instead.
    threadFailed = true;
    return undefined;
  }
  const worker = thread;
  worker.unref();
  worker.on('message', (reply: Reply) => {
    const task = pending.get(reply.id);
    if (task === undefined) return;
    pending.delete(reply.id);
    threadWorked = true;
    if (pending.size === 0) {
      worker.unref();
      idleTimer = setTimeout(() => stopIdle(worker), IDLE_MS).unref();
    }
    if (reply.ok) task.resolve(reply.article);
    else task.reject(reply.permanent ? new PermanentError(reply.message) : new Error(reply.message));
  });
  const fail = (reason: string) => {
    if (thread !== worker) return;
    thread = undefined;
    // Tasks are done in order: the oldest was running and is the one to blame.
    const tasks = [...pending.entries()].sort(([a], [b]) => a - b).map(([, task]) => task);
    pending.clear();
    if (!threadWorked) threadFailed = true;
    const [running, ...queued] = tasks;
    if (running !== undefined) {
      if (threadFailed) retry(running);
      else running.reject(new PermanentError(reason));
    }
    for (const task of queued) retry(task);
  };
  worker.on('error', (err: Error & { code?: string }) =>
    fail(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'page too complex to extract (extraction ran out of memory)'
        : `extraction thread failed: ${err.message}`,
    ),
  );
  worker.on('exit', () => fail('extraction thread exited'));
  return worker;
}

function stopIdle(worker: Worker): void {
  if (thread !== worker || pending.size > 0) return;
  // Cleared first, so the exit event of a thread we stopped is not taken for a failure.
  thread = undefined;
  void worker.terminate();
}

/** Hands a task to a new thread, or to this one when threads do not work here. */
function retry(task: Pending): void {
  extractOffThread(task.html, task.url, task.now).then(task.resolve, task.reject);
}

/** For tests: whether extraction runs on a thread, and whether threads failed to start here. */
export function extractionThreadState(): { running: boolean; unavailable: boolean } {
  return { running: thread !== undefined && threadWorked, unavailable: threadFailed };
}
