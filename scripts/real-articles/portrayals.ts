import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StanceModelLabel } from '../../src/nlp/stance-model/types.js';
import { articleOf } from '../stance/data.js';

/**
 * A place in a real sentence where a person stands: the labelled target itself, a further mention
 * of it, or a plain repeat of its surname. `who` is 0 for the portrayed person and k >= 1 for the
 * sentence's k-th other target.
 */
export interface Slot {
  from: number;
  to: number;
  who: number;
  /** Rendered as a possessive ("his" -> "Whitfield's"). */
  possessive: boolean;
  /** The original named the person in full (two or more name words): render the full name. */
  full: boolean;
}

/**
 * One labelled real sentence seen from one of its targets: the label is the sentence's stance
 * towards that target; every person slot is to be filled with a fictional name when rendered.
 */
export interface Portrayal {
  gid: string;
  /** The news article the sentence comes from (folds and pools never split one). */
  article: string;
  label: StanceModelLabel;
  text: string;
  slots: Slot[];
  /** How many other people the sentence names (slot `who` runs 1..others). */
  others: number;
}

const mentionSchema = z.object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative(), mention: z.string() });
const targetSchema = mentionSchema.extend({
  'Input.gid': z.string(),
  polarity: z.number(),
  further_mentions: z.array(mentionSchema).optional(),
});
const lineSchema = z.object({ primary_gid: z.string(), sentence_normalized: z.string(), targets: z.array(targetSchema).min(1) });
type Target = z.infer<typeof targetSchema>;

const LABELS: Record<number, StanceModelLabel> = { 2: 'negative', 4: 'neutral', 6: 'positive' };

// Pronoun mentions a name can stand in for without rewriting the sentence; "her" (object or
// possessive?), "they", "who" and the like cannot, so sentences that need them are left out.
const SUBJECT_OBJECT = new Set(['he', 'she', 'him']);
const POSSESSIVE = new Set(['his']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'president', 'senator', 'governor', 'secretary', 'judge', 'justice', 'gen', 'general', 'former', 'vice', 'speaker', 'leader', 'minister', 'prime', 'chancellor', 'mayor', 'attorney', 'candidate', 'the']);

/** The person's canonical name from a NewsMTSC gid: the part before the two trailing offsets. */
function canonicalName(gid: string): string {
  const parts = gid.split('_');
  return parts.length >= 3 ? (parts[parts.length - 3] ?? '') : '';
}

const nameWords = (s: string) => s.split(/\s+/).map((w) => w.replace(/[.,'’]+$/u, '')).filter((w) => w !== '');
const isNameWord = (w: string) => /^\p{Lu}/u.test(w) && !TITLES.has(w.toLowerCase().replace(/\.$/u, ''));

/**
 * Grows a span over adjacent words of the person's canonical name ("Donald" before "Trump"),
 * so that a fictional name never sits beside half of the real one.
 */
function widen(text: string, from: number, to: number, canonical: readonly string[]): [number, number] {
  const words = new Set(canonical.filter(isNameWord));
  for (;;) {
    const m = /(\S+)\s+$/u.exec(text.slice(0, from));
    if (!m || !words.has((m[1] ?? '').replace(/[.,]+$/u, ''))) break;
    from = m.index;
  }
  for (;;) {
    const m = /^\s+([^\s,.;:!?"“”’']+)/u.exec(text.slice(to));
    if (!m || !words.has(m[1] ?? '')) break;
    to += m[0].length;
  }
  return [from, to];
}

/** The slot of one mention, or null when no name can stand in for it. */
function slotOf(text: string, m: { from: number; to: number; mention: string }, who: number, canonical: readonly string[]): Slot | null {
  const surface = text.slice(m.from, m.to).trim();
  const lower = surface.toLowerCase();
  if (SUBJECT_OBJECT.has(lower)) return { from: m.from, to: m.to, who, possessive: false, full: false };
  if (POSSESSIVE.has(lower)) return { from: m.from, to: m.to, who, possessive: true, full: false };
  if (!/^\p{Lu}/u.test(surface)) return null;
  let [from, to] = widen(text, m.from, m.to, canonical);
  let possessive = false;
  const tail = /['’]s?$/u.exec(text.slice(from, to));
  if (tail) {
    to -= tail[0].length;
    possessive = true;
  } else if (/^['’]s\b/u.test(text.slice(to))) {
    to += 2;
    possessive = true;
  }
  const full = nameWords(text.slice(from, to)).filter(isNameWord).length >= 2;
  return { from, to, who, possessive, full };
}

/** Whole-word repeats of the person's surname outside the labelled spans ("Trump ... Trump's"). */
function repeats(text: string, canonical: readonly string[], taken: readonly Slot[], who: number): Slot[] {
  const surname = canonical.filter(isNameWord).at(-1);
  if (!surname || surname.length < 3) return [];
  const out: Slot[] = [];
  const re = new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(['’]s)?\\b`, 'gu');
  for (const m of text.matchAll(re)) {
    const from = m.index;
    const to = from + surname.length;
    if (taken.some((s) => s.from < to + 2 && from < s.to)) continue;
    out.push({ from, to: m[1] ? to + m[1].length : to, who, possessive: m[1] !== undefined, full: false });
  }
  return out;
}

function slotsFor(text: string, targets: readonly Target[], focus: number): Slot[] | null {
  const slots: Slot[] = [];
  const order = [focus, ...targets.map((_, i) => i).filter((i) => i !== focus)];
  for (const [who, i] of order.entries()) {
    const t = targets[i] as Target;
    const canonical = nameWords(canonicalName(t['Input.gid']));
    for (const m of [t, ...(t.further_mentions ?? [])]) {
      const slot = slotOf(text, m, who, canonical);
      if (!slot) return null;
      slots.push(slot);
    }
    slots.push(...repeats(text, canonical, slots, who));
  }
  slots.sort((a, b) => a.from - b.from);
  for (let i = 1; i < slots.length; i += 1) if ((slots[i]?.from ?? 0) < (slots[i - 1]?.to ?? 0)) return null;
  return slots;
}

/**
 * Every (sentence, target) of a NewsMTSC file as a portrayal of that target. Sentences whose
 * people cannot all be renamed cleanly (overlapping spans, "her", "they") are left out; the
 * count left out is returned so a report can say it.
 */
export function readPortrayals(file: string): { portrayals: Portrayal[]; skipped: number } {
  if (!existsSync(file)) throw new Error(`NewsMTSC file not found: ${file}`);
  const portrayals: Portrayal[] = [];
  let skipped = 0;
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    if (line.trim() === '') return;
    const parsed = lineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path.basename(file)}:${n + 1}: ${parsed.error.message}`);
    const { primary_gid: gid, sentence_normalized: text, targets } = parsed.data;
    targets.forEach((t, i) => {
      const label = LABELS[t.polarity];
      if (!label) throw new Error(`${path.basename(file)}:${n + 1}: unknown polarity ${t.polarity}`);
      const slots = slotsFor(text, targets, i);
      if (!slots) skipped += 1;
      else portrayals.push({ gid: t['Input.gid'], article: articleOf(gid), label, text, slots, others: targets.length - 1 });
    });
  });
  return { portrayals, skipped };
}
