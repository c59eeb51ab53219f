import type { TokenTable } from '../tokens.js';

/** A quotation: tokens [open, close], both marks included. */
export interface Quote {
  open: number;
  close: number;
  /** Word tokens inside the marks. */
  words: number;
  /** Long enough and not a title ("What the Ambassador Said"): someone's words. */
  speech: boolean;
  /** Most words capitalised: the title of a work, not speech. */
  title: boolean;
}

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);
const STRAIGHT = '"';
const MIN_SPEECH_WORDS = 4;
const TITLE_SHARE = 0.7;
const LETTER = /\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;

type Mark = 'open' | 'close' | 'none';

// A straight quote opens when it stands after a space or a bracket and before a word.
function straightMark(text: string, start: number): Mark {
  const before = text[start - 1];
  const after = text[start + 1];
  const spaceBefore = before === undefined || /[\s([{—–-]/.test(before);
  const spaceAfter = after === undefined || /\s/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore) return 'close';
  return 'none';
}

function markOf(table: TokenTable, i: number, open: boolean): Mark {
  const value = table.values[i] ?? '';
  if (value.length !== 1) return 'none';
  if (OPENERS.has(value)) return 'open';
  if (CLOSERS.has(value)) return 'close';
  if (value !== STRAIGHT) return 'none';
  const mark = straightMark(table.text, table.starts[i] ?? 0);
  // An ambiguous straight quote toggles.
  if (mark === 'none') return open ? 'close' : 'open';
  return mark;
}

function isDoubledSingle(table: TokenTable, i: number): boolean {
  const v = table.values[i];
  const glued = table.ends[i] === table.starts[i + 1];
  return (v === '’' || v === "'") && table.values[i + 1] === v && glued;
}

function describe(table: TokenTable, open: number, close: number): Quote {
  let words = 0;
  let long = 0;
  let capitalised = 0;
  for (let k = open + 1; k < close; k += 1) {
    const v = table.values[k] ?? '';
    if (!LETTER.test(v)) continue;
    words += 1;
    if (v.length >= 3) {
      long += 1;
      if (UPPER_FIRST.test(v)) capitalised += 1;
    }
  }
  const title = long > 0 && capitalised / long >= TITLE_SHARE;
  return { open, close, words, title, speech: words >= MIN_SPEECH_WORDS && !title };
}

/**
 * Pairs quotation marks, paragraph by paragraph. News style leaves a quote open at the end of a
 * paragraph when the next paragraph continues it (and opens with a new mark), so such a quote
 * runs on; any other quote still open at a paragraph break is closed there.
 */
export function findQuotes(table: TokenTable, breakBefore: Uint8Array): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let last = -1;
  for (let i = 0; i < table.count; i += 1) {
    if (table.pos[i] === 'SPACE') continue;
    if (open >= 0 && breakBefore[i] === 1) {
      if (markOf(table, i, false) === 'open') {
        last = i;
        continue;
      }
      quotes.push(describe(table, open, last));
      open = -1;
    }
    // Some wires close a double quote with two single ones ("…,’’ he said").
    if (open >= 0 && isDoubledSingle(table, i)) {
      quotes.push(describe(table, open, i + 1));
      open = -1;
      last = i + 1;
      i += 1;
      continue;
    }
    const mark = markOf(table, i, open >= 0);
    if (open < 0 && mark === 'open') open = i;
    else if (open >= 0 && mark === 'close') {
      quotes.push(describe(table, open, i));
      open = -1;
    }
    last = i;
  }
  if (open >= 0) quotes.push(describe(table, open, last));
  return quotes;
}
