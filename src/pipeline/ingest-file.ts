import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { PipelineDeps } from './deps.js';
import { ingestArticle } from './ingest-article.js';
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
}

/**
 * Feeds a JSONL archive into the pipeline as if crawled. A bad line is reported with its number
 * and reason and skipped; the other lines still go in.
 */
export async function ingestFile(
  deps: PipelineDeps,
  file: string,
  opts: { onProgress?: (bytesRead: number) => void } = {},
): Promise<IngestFileResult> {
  const outlets = new Set(deps.config.outlets.map((o) => o.id));
  const result: IngestFileResult = { lines: 0, stored: { new: 0, changed: 0, unchanged: 0 }, rejected: [] };
  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  let lineNo = 0;
  let bytes = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    bytes += Buffer.byteLength(line) + 1;
    opts.onProgress?.(bytes);
    if (line.trim() === '') continue;
    result.lines++;
    const reason = await ingestLine(deps, line, outlets, result);
    if (reason !== undefined) result.rejected.push({ line: lineNo, reason });
  }
  return result;
}

async function ingestLine(
  deps: PipelineDeps,
  line: string,
  outlets: Set<string>,
  result: IngestFileResult,
): Promise<string | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return `not JSON: ${(err as Error).message}`;
  }
  const parsed = importedArticleSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const a = parsed.data;
  if (!outlets.has(a.outlet)) return `outlet "${a.outlet}" is not in the config`;
  const { normalizeUrl } = await crawlDomain();
  const stored = await ingestArticle(deps, {
    outletId: a.outlet,
    url: a.url,
    // Normalised like crawled URLs, so an archive and a crawl of the same page meet on one row.
    canonicalUrl: normalizeUrl(a.url),
    title: a.title,
    text: a.text,
    author: a.author ?? null,
    publishedAt: a.published_at ? new Date(a.published_at) : null,
    language: a.language ?? null,
  });
  result.stored[stored.status]++;
  return undefined;
}
