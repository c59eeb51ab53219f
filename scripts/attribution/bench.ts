import { buildDemoConfig } from '../../src/demo/index.js';
import { compileActorMatcher, createAnalyzer } from '../../src/nlp/index.js';
import { findAttributions } from '../../src/nlp/attribution/index.js';
import { readTokens } from '../../src/nlp/tokens.js';
import { benchTexts } from '../../test/bench/texts.js';
import { fmt, timeRounds } from '../../test/bench/measure.js';

// tsx scripts/attribution/bench.ts: the attribution tagger's cost next to the analyzer's, on
// the corpus of `npm run bench` (the demo articles). The analyzer's time includes the tagger, so
// the overhead is tagger / (analyzer - tagger). The tagger is timed alone on prepared token
// tables; inside the analyzer it runs a little slower (colder caches), so a CPU profile of the
// analyzer is the closer measure. BENCH_MIN_MS sets the minimum time per figure.
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 4_000);

const config = buildDemoConfig('http://127.0.0.1:1');
const inputs = benchTexts().map((t) => `${t.title}\n\n${t.text}`);
const analyzer = createAnalyzer(config.actors);
const matcher = compileActorMatcher(config.actors);
const prepared = inputs.map((text) => ({ table: readTokens(text), matches: matcher.match(text) }));
inputs.forEach((t) => analyzer(t));

// Alternating short runs, so that load from other processes weighs on both figures alike.
const full = { rounds: 0, ms: 0 };
const tagger = { rounds: 0, ms: 0 };
const slice = Math.max(200, MIN_MS / 10);
for (const started = performance.now(); performance.now() - started < 2 * MIN_MS; ) {
  const a = timeRounds(() => inputs.forEach((t) => analyzer(t)), slice);
  const b = timeRounds(
    () =>
      prepared.forEach(({ table, matches }) =>
        findAttributions({ table, actors: config.actors, matches }),
      ),
    slice,
  );
  full.rounds += a.rounds;
  full.ms += a.ms;
  tagger.rounds += b.rounds;
  tagger.ms += b.ms;
}
const fullMs = full.ms / full.rounds;
const taggerMs = tagger.ms / tagger.rounds;
const found = prepared.reduce(
  (n, p) => n + findAttributions({ ...p, actors: config.actors }).length,
  0,
);

process.stdout.write(`attribution bench: ${inputs.length} demo articles, ${found} attributions\n`);
process.stdout.write(`analyzer (with attribution): ${fmt(fullMs, 1)} ms per round\n`);
process.stdout.write(`attribution tagger alone:    ${fmt(taggerMs, 1)} ms per round\n`);
process.stdout.write(
  `overhead on the analyzer without it: ${fmt((100 * taggerMs) / (fullMs - taggerMs), 1)}%\n`,
);
