/** One period of one actor in one outlet (structurally the store's trend row). */
export interface TrendPoint {
  actorId: string;
  actorName: string;
  outletId: string;
  outletName: string;
  period: string;
  articles: number;
  mentions: number;
  meanStance: number;
  ciLow: number | null;
  ciHigh: number | null;
  /** Share of the articles positive / negative about the actor (absent: not shown). */
  sharePositive?: number;
  shareNegative?: number;
}

export type TrendFormat = 'table' | 'csv' | 'json';

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = ['period', 'actor', 'outlet', 'articles', 'mentions', 'mean_stance', 'ci_low', 'ci_high', 'share_positive', 'share_negative'] as const;

function values(r: TrendPoint): (string | number | null)[] {
  return [r.period, r.actorId, r.outletId, r.articles, r.mentions, r.meanStance, r.ciLow, r.ciHigh, r.sharePositive ?? null, r.shareNegative ?? null];
}

const percent = (x: number | undefined) => (x === undefined ? '' : `${Math.round(x * 100)}%`);

/** A long table: one line per actor, outlet and period. */
export function formatTrends(rows: TrendPoint[], format: TrendFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'csv') return [COLUMNS.join(','), ...rows.map((r) => values(r).map(csvCell).join(','))].join('\n');
  const table = rows.map((r) => [
    r.period,
    r.actorName,
    r.outletName,
    String(r.articles),
    String(r.mentions),
    signed(r.meanStance),
    r.ciLow === null || r.ciHigh === null ? '' : `[${signed(r.ciLow)}, ${signed(r.ciHigh)}]`,
    percent(r.sharePositive),
    percent(r.shareNegative),
  ]);
  return alignColumns([['period', 'actor', 'outlet', 'articles', 'mentions', 'mean', '95% interval', 'positive', 'negative'], ...table]);
}

/**
 * A matrix for a quick look: one row per actor x outlet, one column per period, each cell the mean
 * stance with the article count in brackets.
 */
export function formatTrendMatrix(rows: TrendPoint[]): string {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const keyOf = (r: TrendPoint) => `${r.actorName}\u0000${r.outletName}`;
  const cells = new Map<string, Map<string, TrendPoint>>();
  for (const r of rows) {
    const m = cells.get(keyOf(r)) ?? new Map<string, TrendPoint>();
    m.set(r.period, r);
    cells.set(keyOf(r), m);
  }
  const header = ['actor', 'outlet', ...periods.map((p) => p.slice(5))];
  const body = [...cells.entries()].map(([key, byPeriod]) => {
    const [actor = '', outlet = ''] = key.split('\u0000');
    return [actor, outlet, ...periods.map((p) => {
      const c = byPeriod.get(p);
      return c ? `${signed(c.meanStance)}(${c.articles})` : '.';
    })];
  });
  return alignColumns([header, ...body]);
}

function alignColumns(lines: string[][]): string {
  const widths: number[] = [];
  for (const line of lines) line.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return lines.map((line) => line.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}
