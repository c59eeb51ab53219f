import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAnalyzer, type Attribution } from '../src/nlp/index.js';
import { startProgress } from '../src/progress/index.js';
import { loadGold, type GoldArticle, type GoldAttribution } from './attribution/gold.js';
import {
  CONTENT_JACCARD,
  jaccard,
  overlaps,
  pair,
  prf,
  roleCounts,
  type Counts,
} from './attribution/score.js';
import { checkSeed, loadSeed, seedPresent } from './attribution/seed.js';

// npm run eval:attribution -- FILE [--verbose] [--json] [--quiet]
// FILE: a labelled set (YAML as test/fixtures/attribution/news.yaml, or JSON Lines with offsets).
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const file = positionals[0] ?? 'test/fixtures/attribution/news.yaml';

interface ArticleResult {
  article: GoldArticle;
  predicted: Attribution[];
  pairs: Array<[number, number]>;
}

if (!existsSync(file) || !statSync(file).isFile()) {
  process.stderr.write(`${file}: not a labelled file (expected a .yaml or .jsonl file such as test/fixtures/attribution/news.yaml)\n`);
  process.exit(2);
}
const gold = loadGold(file);
if (gold.missing > 0) {
  process.stderr.write(
    `${file}: ${gold.missing} articles skipped: their text is in ../shared/data, absent here\n`,
  );
}
const analyze = createAnalyzer(gold.actors);
const progress = startProgress({ label: 'eval:attribution', unit: 'articles', total: gold.articles.length, quiet: args.quiet });
const started = performance.now();
const results: ArticleResult[] = gold.articles.map((article) => {
  const predicted = analyze(article.text).attributions;
  progress.tick();
  return { article, predicted, pairs: pair(article.attributions, predicted) };
});
const elapsedMs = performance.now() - started;
progress.stop();

const add = (a: Counts, b: Counts): Counts => ({
  tp: a.tp + b.tp,
  fp: a.fp + b.fp,
  fn: a.fn + b.fn,
});
const zero: Counts = { tp: 0, fp: 0, fn: 0 };
const relation = results.reduce(
  (c, r) =>
    add(c, {
      tp: r.pairs.length,
      fp: r.predicted.length - r.pairs.length,
      fn: r.article.attributions.length - r.pairs.length,
    }),
  zero,
);

type Role = (x: GoldAttribution | Attribution) => { start: number; end: number } | null | undefined;
const roles: Record<
  string,
  [Role, (g: { start: number; end: number }, p: { start: number; end: number }) => boolean]
> = {
  source: [(x) => x.source, overlaps],
  cue: [(x) => x.cue, overlaps],
  content: [(x) => x.content, (g, p) => jaccard(g, p) >= CONTENT_JACCARD],
};
const perRole = Object.fromEntries(
  Object.entries(roles).map(([name, [role, same]]) => [
    name,
    prf(
      results.reduce(
        (c, r) => add(c, roleCounts(r.article.attributions, r.predicted, role, same)),
        zero,
      ),
    ),
  ]),
);

function perForm(): Record<string, { found: number; total: number }> {
  const out: Record<string, { found: number; total: number }> = {};
  for (const r of results) {
    const matched = new Set(r.pairs.map(([g]) => g));
    r.article.attributions.forEach((g, i) => {
      const f = (out[g.form ?? '-'] ??= { found: 0, total: 0 });
      f.total += 1;
      if (matched.has(i)) f.found += 1;
    });
  }
  return out;
}

function agreement(test: (g: GoldAttribution, p: Attribution) => boolean | undefined) {
  let right = 0;
  let total = 0;
  for (const r of results) {
    for (const [i, j] of r.pairs) {
      const outcome = test(r.article.attributions[i]!, r.predicted[j]!);
      if (outcome === undefined) continue;
      total += 1;
      if (outcome) right += 1;
    }
  }
  return { right, total };
}

const attributes = {
  kind: agreement((g, p) => (g.kind === undefined ? undefined : g.kind === p.source?.kind)),
  actor: agreement((g, p) =>
    g.source === null ? undefined : (g.actor ?? null) === (p.source?.actor ?? null),
  ),
  via: agreement((g, p) =>
    g.via === undefined ? undefined : p.via !== undefined && overlaps(g.via, p.via),
  ),
  direct: agreement((g, p) => g.direct === p.direct),
};

const seed = seedPresent()
  ? (() => {
      const s = loadSeed();
      return checkSeed(s.expected, createAnalyzer(s.actors)(s.text));
    })()
  : null;

const pct = (x: number) => (100 * x).toFixed(1);
const summary = {
  file,
  articles: gold.articles.length,
  gold: relation.tp + relation.fn,
  predicted: relation.tp + relation.fp,
  relation: { ...relation, ...prf(relation) },
  perRole,
  perForm: perForm(),
  attributes,
  seed,
  msPerArticle: elapsedMs / Math.max(1, gold.articles.length),
};

function show(span: { text: string } | null | undefined): string {
  return span ? `"${span.text.replace(/\s+/g, ' ').slice(0, 70)}"` : '-';
}

function printDetails(): void {
  for (const r of results) {
    const matchedGold = new Set(r.pairs.map(([g]) => g));
    const matchedPred = new Set(r.pairs.map(([, p]) => p));
    r.article.attributions.forEach((g, i) => {
      if (!matchedGold.has(i))
        process.stdout.write(
          `  MISS ${r.article.id} [${g.form}] ${show(g.source)} ${show(g.cue)} ${show(g.content)}\n`,
        );
    });
    r.predicted.forEach((p, j) => {
      if (!matchedPred.has(j))
        process.stdout.write(
          `  EXTRA ${r.article.id} ${show(p.source)} ${show(p.cue)} ${show(p.content)}\n`,
        );
    });
  }
}

if (args.json) {
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
} else {
  if (args.verbose) printDetails();
  const { precision, recall, f1 } = summary.relation;
  process.stdout.write(
    `attribution eval: ${file}: ${summary.articles} articles, ${summary.gold} gold, ${summary.predicted} predicted\n`,
  );
  process.stdout.write(
    `relation-level  P ${pct(precision)}  R ${pct(recall)}  F1 ${pct(f1)}  (tp ${relation.tp}, fp ${relation.fp}, fn ${relation.fn})\n`,
  );
  for (const [name, s] of Object.entries(perRole)) {
    process.stdout.write(
      `  ${name.padEnd(8)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}\n`,
    );
  }
  const forms = Object.entries(summary.perForm).map(([f, c]) => `${f} ${c.found}/${c.total}`);
  process.stdout.write(`recall per form: ${forms.join(', ')}\n`);
  const attr = Object.entries(attributes).map(([k, a]) => `${k} ${a.right}/${a.total}`);
  process.stdout.write(`on matched pairs: ${attr.join(', ')}\n`);
  process.stdout.write(`analyzer time: ${summary.msPerArticle.toFixed(1)} ms per article\n`);
  if (seed !== null) {
    for (const [level, items] of Object.entries(seed)) {
      for (const item of items) {
        process.stdout.write(
          `seed ${level}: ${item.found ? 'found    ' : 'NOT found'} ${item.label}${item.why.length ? `  (${item.why.join('; ')})` : ''}\n`,
        );
      }
    }
  }
}
