const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

// One regex unit per character. Whitespace and apostrophes vary between outlets ("China’s",
// line-wrapped names), so a whitespace run and either apostrophe are classes.
function unitsOf(form: string, fold: boolean): string[] {
  const units: string[] = [];
  for (const ch of form) {
    if (/\s/.test(ch)) {
      if (units.at(-1) !== '\\s+') units.push('\\s+');
    } else if (ch === "'" || ch === '’') {
      units.push("['’]");
    } else {
      units.push((fold ? ch.toLowerCase() : ch).replace(REGEX_SYNTAX, '\\$&'));
    }
  }
  return units;
}

// Longer continuations come before the form that ends here, so the engine backtracks to a
// shorter form ("Chinese" in "the Chinese sides") only when the longer one fails.
function trieSource(node: TrieNode): string {
  const branches = [...node.next].map(([unit, child]) => unit + trieSource(child));
  if (node.end) branches.push('');
  return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
}

/**
 * One regular expression matching any of `forms` (longest first at a given start) and ending at
 * a word boundary. The forms are merged into a trie, so at each position the engine follows
 * one branch per character instead of trying every form: matching stays fast with hundreds of
 * actors. `fold` compiles a case-insensitive expression.
 */
export function formsRegex(forms: readonly string[], fold: boolean): RegExp {
  const root: TrieNode = { next: new Map(), end: false };
  for (const form of forms) {
    let node = root;
    for (const unit of unitsOf(form, fold)) {
      let child = node.next.get(unit);
      if (child === undefined) {
        child = { next: new Map(), end: false };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.end = true;
  }
  return new RegExp(`(?:${trieSource(root)})(?![\\p{L}\\p{N}])`, fold ? 'giu' : 'gu');
}

/** The lookup key of a form or of a text it matched (loose on whitespace and apostrophes). */
export function formKey(text: string, fold: boolean): string {
  const key = text.replace(/\s+/g, ' ').replace(/’/g, "'");
  return fold ? key.toLowerCase() : key;
}
