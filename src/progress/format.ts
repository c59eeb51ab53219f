/** Pure formatting for progress output, kept apart so it can be tested without a terminal. */

/** A duration in seconds as `1h02m`, `3m05s` or `42s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** Items per second, with one decimal below 10 so slow work does not read as 0/s. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0';
  return perSecond < 10 ? perSecond.toFixed(1) : String(Math.round(perSecond));
}

export interface ProgressSnapshot {
  label: string;
  unit: string;
  value: number;
  /** Unknown totals leave out the percentage and the ETA. */
  total: number | undefined;
  elapsedMs: number;
}

/** Items per second since the start, and the seconds left at that rate (undefined without a total). */
export function rateAndEta(s: ProgressSnapshot): { rate: number; etaSeconds: number | undefined } {
  const rate = s.elapsedMs > 0 ? (s.value * 1000) / s.elapsedMs : 0;
  if (s.total === undefined || rate <= 0) return { rate, etaSeconds: undefined };
  return { rate, etaSeconds: Math.max(0, s.total - s.value) / rate };
}

/** One log line for a non-terminal stderr: `ingest: 1,200/6,385 articles (19%), 85/s, ETA 1m01s`. */
export function progressLine(s: ProgressSnapshot): string {
  const { rate, etaSeconds } = rateAndEta(s);
  const n = (x: number) => x.toLocaleString('en-US');
  const count =
    s.total === undefined
      ? `${n(s.value)} ${s.unit}`
      : `${n(s.value)}/${n(s.total)} ${s.unit} (${s.total > 0 ? Math.floor((100 * s.value) / s.total) : 100}%)`;
  const eta = etaSeconds === undefined ? '' : `, ETA ${formatDuration(etaSeconds)}`;
  return `${s.label}: ${count}, ${formatRate(rate)}/s${eta}, ${formatDuration(s.elapsedMs / 1000)} elapsed`;
}
