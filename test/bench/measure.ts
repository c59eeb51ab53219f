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
