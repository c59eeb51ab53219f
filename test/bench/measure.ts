/** Runs `fn` for at least `minMs` (whole rounds) and returns rounds and elapsed milliseconds. */
export function timeRounds(fn: () => void, minMs: number): { rounds: number; ms: number } {
  const start = performance.now();
  let rounds = 0;
  do {
    fn();
    rounds++;
  } while (performance.now() - start < minMs);
  return { rounds, ms: performance.now() - start };
}

/** Samples resident memory every 50 ms; `stop()` returns the peak in MB. */
export function trackPeakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return {
    stop() {
      clearInterval(t);
      return Math.round(Math.max(peak, process.memoryUsage.rss()) / 1e6);
    },
  };
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Throughput of several variants measured in turns (A B C, A B C, …) and the median of each:
 * measured one after the other, a variant would carry the machine's load of its own moment and
 * the JIT and heap state its predecessor left, and a ratio between two variants would move with that.
 */
export function interleavedMedians(variants: readonly (() => void)[], turns: number, msPerTurn: number): number[] {
  const perRound: number[][] = variants.map(() => []);
  for (let t = 0; t < turns; t += 1) {
    variants.forEach((fn, v) => {
      const r = timeRounds(fn, msPerTurn);
      perRound[v]?.push(r.ms / r.rounds);
    });
  }
  return perRound.map((xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
  });
}

/**
 * How much slower `a` is than `b`, as a ratio of time per round: the two alternate round by round
 * for `msPerTurn`, so both see the same machine load, and the median over `turns` is returned. A
 * small difference between two variants (what one feature adds) drowns in load swings when each
 * is timed in a block of its own.
 */
export function pairedSlowdown(a: () => void, b: () => void, turns: number, msPerTurn: number): number {
  const ratios: number[] = [];
  for (let t = 0; t < turns; t += 1) {
    let msA = 0;
    let msB = 0;
    const start = performance.now();
    do {
      const t0 = performance.now();
      a();
      const t1 = performance.now();
      b();
      msA += t1 - t0;
      msB += performance.now() - t1;
    } while (performance.now() - start < msPerTurn);
    ratios.push(msA / msB);
  }
  ratios.sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)] ?? NaN;
}
