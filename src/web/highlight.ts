/** A span of the analysed text to mark, with the classes and attributes its pieces carry. */
export interface Mark {
  start: number;
  end: number;
  classes: string[];
  /** Data attributes (without the data- prefix) and a title, set on every piece of the span. */
  data?: Record<string, string>;
  title?: string;
}

/** A maximal run of text covered by the same marks. */
export interface Piece {
  text: string;
  start: number;
  marks: Mark[];
}

/**
 * Cuts `text` at every mark boundary, so that overlapping and nested marks (a mention inside a
 * quote inside a sentence) become a flat list of pieces, each with the marks covering it, in
 * the order the marks were given. Marks outside the text are clipped; empty ones are ignored.
 */
export function segment(text: string, marks: Mark[]): Piece[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    pieces.push({ text: text.slice(start, end), start, marks: valid.filter((m) => m.start <= start && m.end >= end) });
  }
  return pieces;
}

/** The label class of a stance label: stance-positive, stance-negative or stance-neutral. */
export function stanceClass(label: string): string {
  return label === 'positive' || label === 'negative' ? `stance-${label}` : 'stance-neutral';
}

/** A signed score with two decimals, e.g. +0.45 or -0.30. */
export function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
}
