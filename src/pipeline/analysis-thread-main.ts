import { parentPort, workerData } from 'node:worker_threads';
import { analyze, type Actor } from '../nlp/index.js';
import { warmUpAnalyzer } from './warm-up.js';

// The analysis thread of an analyze worker: texts in, analyses out, in order, with the actors the
// worker was started with.
const actors = (workerData as { actors: Actor[] }).actors;
warmUpAnalyzer();
parentPort?.on('message', (m: { id: number; text: string }) => {
  try {
    parentPort?.postMessage({ id: m.id, analysis: analyze(m.text, actors) });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort?.postMessage({ ready: true });
