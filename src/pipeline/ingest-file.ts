import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { ArticleCandidate } from '../crawl/index.js';
import type { Analysis } from '../nlp/index.js';
import type { AnalyzeJob } from '../queue/index.js';
import { analyzeArticles, type AnalyzeResult } from './analyze-article.js';
import type { PipelineDeps } from './deps.js';
import { ingestArticles } from './ingest-article.js';
import { crawlDomain } from './crawl-outlet.js';

export const importedArticleSchema = z.object({
  outlet: z.string().min(1),
  url: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
  title: z.string().trim().min(1),
  published_at: z.string().datetime({ offset: true }).or(z.string().date()).nullable().optional(),
  text: z.string().trim().min(1),
  author: z.string().nullable().optional(),
  language: z.string().nullable().optional(),
});
export type ImportedArticle = z.infer<typeof importedArticleSchema>;

export interface IngestFileResult {
  lines: number;
  stored: { new: number; changed: number; unchanged: number };
  rejected: { line: number; reason: string }[];
  /** Articles analysed while the file was read (`analyzeText` given); the others were queued. */
  analyzed?: number;
}

export interface IngestFileOptions {
  /** Articles stored per transaction (default 250). */
  batchSize?: number;
  /**
   * Analyse each stored batch here, off this thread, while the next batch is read and stored
   * (the embedded mode's backfill: analysis on the analysis thread, storage on this one). Without
   * it the analyses are queued (to BullMQ in bulk, or to the in-process runner).
   */
  analyzeText?: (text: string) => Promise<Analysis>;
  /** Told the bytes read so far, after each line (the CLI's progress bar). */
  onProgress?: (bytesRead: number) => void;
}

/**
 * Feeds a JSONL archive into the pipeline as if crawled. A bad line is reported with its number
 * and reason and skipped; the other lines still go in. Lines are stored a batch at a time (one
 * transaction, multi-row upserts); with `analyzeText`, batch k is analysed and its analyses saved
 * while batch k+1 is stored, two batches in analysis at most. An analysis that fails is queued as
 * a job, so the dispatcher retries and reports it.
 */
export async function ingestFile(deps: PipelineDeps, file: string, opts: IngestFileOptions = {}): Promise<IngestFileResult> {
  const outlets = new Set(deps.config.outlets.map((o) => o.id));
  const batchSize = opts.batchSize ?? 250;
  const result: IngestFileResult = { lines: 0, stored: { new: 0, changed: 0, unchanged: 0 }, rejected: [] };
  const inline = opts.analyzeText ? { ...deps, analyzeText: opts.analyzeText } : undefined;
  if (inline) result.analyzed = 0;
  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  const { normalizeUrl } = await crawlDomain();
  let batch: ArticleCandidate[] = [];
  // Batches in analysis, oldest first. Two at most: the thread analyses the next batch's texts
  // while the previous batch's analyses are being saved, and storing stays at most one batch ahead.
  const analysing: Promise<void>[] = [];

  const analyse = async (jobs: AnalyzeJob[]) => {
    if (!inline || jobs.length === 0) return;
    let outcomes: (AnalyzeResult | Error)[];
    try {
      outcomes = await analyzeArticles(inline, jobs);
    } catch (err) {
      outcomes = jobs.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
    for (const [i, o] of outcomes.entries()) {
      if (o instanceof Error) await deps.dispatcher.enqueueAnalyze(jobs[i]!);
      else result.analyzed = (result.analyzed ?? 0) + 1;
    }
  };
  const storeBatch = async (items: ArticleCandidate[]) => {
    const { results, jobs } = await ingestArticles(deps, items, { enqueue: !inline });
    for (const r of results) result.stored[r.status]++;
    if (analysing.length >= 2) await analysing.shift();
    const analysis = analyse(jobs);
    // Awaited in turn above or at the end; marked handled so a failure waits for its turn.
    analysis.catch(() => undefined);
    analysing.push(analysis);
  };
  // The batch being written: the next one is read and checked meanwhile (one write at a time, in
  // order, so a URL repeated in the next batch is written after this one).
  let storing: Promise<void> = Promise.resolve();
  const store = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    await storing;
    storing = storeBatch(items);
    // Not awaited here; a failure surfaces at the next store or at the end.
    storing.catch(() => undefined);
  };

  let lineNo = 0;
  let bytes = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    bytes += Buffer.byteLength(line) + 1;
    opts.onProgress?.(bytes);
    if (line.trim() === '') continue;
    result.lines++;
    const parsed = parseLine(line, outlets);
    if (typeof parsed === 'string') {
      result.rejected.push({ line: lineNo, reason: parsed });
      continue;
    }
    batch.push({
      outletId: parsed.outlet,
      url: parsed.url,
      // Normalised like crawled URLs, so an archive and a crawl of the same page meet on one row.
      canonicalUrl: normalizeUrl(parsed.url),
      title: parsed.title,
      text: parsed.text,
      author: parsed.author ?? null,
      publishedAt: parsed.published_at ? new Date(parsed.published_at) : null,
      language: parsed.language ?? null,
    });
    if (batch.length >= batchSize) await store();
  }
  await store();
  await storing;
  for (const a of analysing) await a;
  return result;
}

/** The article of a line, or why the line is rejected. */
function parseLine(line: string, outlets: Set<string>): ImportedArticle | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return `not JSON: ${(err as Error).message}`;
  }
  const parsed = importedArticleSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (!outlets.has(parsed.data.outlet)) return `outlet "${parsed.data.outlet}" is not in the config`;
  return parsed.data;
}
