import type { Actor } from './types.js';
import { surfaceFormsOf, type SurfaceForm } from './actor-forms.js';
import { formKey, formsRegex } from './form-regex.js';

/** One occurrence of an actor in a text: JavaScript string offsets, end-exclusive. */
export interface ActorMatch {
  /** Index of the actor in the array the matcher was compiled from. */
  actor: number;
  start: number;
  end: number;
  text: string;
}

/** Actors compiled once into two regular expressions (case-folded and exact-case). */
export interface ActorMatcher {
  readonly actors: readonly Actor[];
  /** Every non-overlapping mention in `text`, in text order. */
  match(text: string): ActorMatch[];
}

interface FormTable {
  re: RegExp;
  forms: Map<string, SurfaceForm>;
  fold: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

function compileTable(forms: readonly SurfaceForm[], fold: boolean): FormTable | undefined {
  if (forms.length === 0) return undefined;
  const byKey = new Map<string, SurfaceForm>();
  for (const f of forms) {
    const key = formKey(f.form, fold);
    if (!byKey.has(key)) byKey.set(key, f);
  }
  const re = formsRegex([...byKey.values()].map((f) => f.form), fold);
  return { re, forms: byKey, fold };
}

/**
 * A mention may start after a non-word character, or inside a glued word at a lower-to-upper
 * case change ("withUkraine", an extraction artefact), but never mid-word ("Belarussian").
 */
function startsWord(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text[start - 1] ?? '';
  if (!WORD_CHAR.test(before)) return true;
  return LOWER.test(before) && UPPER.test(text[start] ?? '');
}

function scan(table: FormTable, text: string, out: ActorMatch[]): void {
  const { re } = table;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const found = m[0];
    const form = table.forms.get(formKey(found, table.fold));
    const capitalOk = form !== undefined && (!form.needsCapital || UPPER.test(found));
    if (form !== undefined && capitalOk && startsWord(text, m.index)) {
      out.push({ actor: form.actor, start: m.index, end: m.index + found.length, text: found });
    } else {
      re.lastIndex = m.index + 1;
    }
  }
}

// Leftmost first, then longest; a match overlapping one already kept is dropped.
function resolveOverlaps(matches: ActorMatch[]): ActorMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ActorMatch[] = [];
  let end = -1;
  for (const m of matches) {
    if (m.start >= end) {
      kept.push(m);
      end = m.end;
    }
  }
  return kept;
}

/**
 * Adjacent forms of one person are one mention: with the alias "President Xi" and the derived
 * surname "Jinping", "President Xi Jinping" is a titled full name, not two mentions.
 */
function joinAdjacent(text: string, matches: ActorMatch[], actors: readonly Actor[]): ActorMatch[] {
  const out: ActorMatch[] = [];
  for (const m of matches) {
    const prev = out.at(-1);
    const person = actors[m.actor]?.kind === 'person';
    if (prev !== undefined && person && prev.actor === m.actor && /^[ \t]{1,2}$/.test(text.slice(prev.end, m.start))) {
      out[out.length - 1] = { ...prev, end: m.end, text: text.slice(prev.start, m.end) };
    } else {
      out.push(m);
    }
  }
  return out;
}

/** Compiles `actors` once; reuse the result (compiling costs far more than matching a text). */
export function compileActorMatcher(actors: readonly Actor[]): ActorMatcher {
  const forms = actors.flatMap((actor, i) => surfaceFormsOf(actor, i));
  const tables = [
    compileTable(forms.filter((f) => !f.exactCase), true),
    compileTable(forms.filter((f) => f.exactCase), false),
  ].filter((t): t is FormTable => t !== undefined);
  return {
    actors,
    match(text: string): ActorMatch[] {
      const found: ActorMatch[] = [];
      tables.forEach((t) => scan(t, text, found));
      return joinAdjacent(text, tables.length > 1 ? resolveOverlaps(found) : found, actors);
    },
  };
}

const compiled = new WeakMap<readonly Actor[], ActorMatcher>();

/** Mentions of `actors` in `text`; the compiled matcher is cached per actor array. */
export function matchActors(text: string, actors: readonly Actor[]): ActorMatch[] {
  let matcher = compiled.get(actors);
  if (matcher === undefined) {
    matcher = compileActorMatcher(actors);
    compiled.set(actors, matcher);
  }
  return matcher.match(text);
}
