import { fmt } from './measure.js';
import type { QueryBenchResult } from './query-trends.js';

/** The query section of `npm run bench`: latency of the analysts' trend query, rollup vs raw. */
export function formatQueryBench(r: QueryBenchResult): string {
  const lines = [
    `analyst queries: ${fmt(r.counts.articleActors)} article-actor rows, ${fmt(r.counts.mentions)} mentions, ` +
      `${r.size.outlets} outlets, ${r.size.actors} actors, ${fmt(r.size.days)} days ` +
      `(generated in ${fmt(r.loadSeconds, 0)} s; rollups rebuilt in ${fmt(r.rebuildSeconds, 0)} s, ${fmt(r.counts.rollupRows)} rows)`,
    '',
    `${'weekly trend query'.padEnd(26)}  ${'source'.padEnd(13)}  ${'rows'.padStart(6)}  ${'median'.padStart(9)}  ${'p95'.padStart(9)}`,
  ];
  for (const f of r.figures) {
    lines.push(
      `${f.query.padEnd(26)}  ${f.source.padEnd(13)}  ${String(f.rows).padStart(6)}  ${`${fmt(f.medianMs, 1)} ms`.padStart(9)}  ${`${fmt(f.p95Ms, 1)} ms`.padStart(9)}`,
    );
  }
  const views = r.figures.filter((f) => f.bar && f.source === 'rollup view');
  const met = views.every((f) => f.p95Ms < 50);
  lines.push(
    '',
    'latency as a client sees it (postgres-js, rows received); a different actor (and outlet) each of the runs',
    `target: p95 < 50 ms for both trend queries (all outlets pooled, one outlet) from the views: ${met ? 'met' : 'NOT met'}`,
  );
  return lines.join('\n');
}
