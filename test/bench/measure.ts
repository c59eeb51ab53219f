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
