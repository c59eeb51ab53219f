import { parentPort } from 'node:worker_threads';
import { PermanentError } from '../errors.js';
import { extractArticle } from './extract.js';

/** One page to extract, as the crawl sends it. */
export interface ExtractionTask {
  id: number;
  html: string;
  url: string;
  /** ms since the epoch */
  now: number;
}

// The extraction thread: pages in, articles (or the reason there is none) out. Dates and arrays
// cross as structured clones; errors as their message and whether retrying could help.
parentPort?.on('message', (task: ExtractionTask) => {
  try {
    const article = extractArticle(task.html, task.url, new Date(task.now));
    parentPort?.postMessage({ id: task.id, ok: true, article });
  } catch (err) {
    parentPort?.postMessage({
      id: task.id,
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      permanent: err instanceof PermanentError,
    });
  }
});
