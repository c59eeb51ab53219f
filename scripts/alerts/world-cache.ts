import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SeriesPoint } from '../../src/alerts/index.js';
import { ANALYZER_VERSION } from '../../src/nlp/index.js';
import { REAL_SHIFTED, buildRealWorld, portrayalSet, type RealWorld } from './real-world.js';

/** A world as stored: dates as ISO strings. */
function revive(w: RealWorld): RealWorld {
  const points = (xs: SeriesPoint[]) => xs.map((p) => ({ ...p, at: new Date(p.at) }));
  return {
    ...w,
    series: w.series.map((s) => ({
      ...s,
      analyzer: points(s.analyzer),
      perfect: points(s.perfect),
      ...(s.shift ? { shift: { ...s.shift, at: new Date(s.shift.at) } } : {}),
    })),
  };
}

/**
 * One real-sentence world, analysed once and kept in `cache` (scores and labels only, never
 * sentence text), keyed by the analyzer's version: a new analyzer reads the same articles anew.
 * `kind` 'eval' is a world of the evaluation (23 switching series), 'null' one in which no series
 * switches (threshold choice); the file names are those eval-alerts.ts and choose-calibration.ts
 * have always used, so their caches carry over.
 */
export function cachedWorld(
  kind: 'eval' | 'null',
  pool: string,
  seed: string,
  cache: string,
  onBuild?: { start: () => void; tick: () => void; stop: () => void },
): RealWorld {
  mkdirSync(cache, { recursive: true });
  const file =
    kind === 'eval'
      ? path.join(cache, `${ANALYZER_VERSION}-${pool}-${seed.replace(/[^\w.-]+/g, '_')}.json`)
      : path.join(cache, `null-${ANALYZER_VERSION}-${pool}-${seed}.json`);
  if (existsSync(file)) return revive(JSON.parse(readFileSync(file, 'utf8')) as RealWorld);
  const t0 = Date.now();
  onBuild?.start();
  const world = buildRealWorld(portrayalSet(pool), seed, kind === 'eval' ? REAL_SHIFTED : 0, onBuild?.tick);
  onBuild?.stop();
  process.stderr.write(`real-sentence ${kind} world ${pool} ${seed}: ${world.articles} articles analysed in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  writeFileSync(file, JSON.stringify(world));
  return world;
}
