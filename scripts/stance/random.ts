/** Deterministic PRNG (mulberry32): shuffles, initial weights and dropout all draw from seeds. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Fold of each article: the distinct article ids, sorted, are dealt to folds in a seeded order.
 * Cross-validation and the held-back article pools both use it, so "fold k" is one set of articles.
 */
export function foldOfArticle(articles: Iterable<string>, folds: number, seed = 7): Map<string, number> {
  const order = shuffled([...new Set(articles)].sort(), seededRandom(seed));
  return new Map(order.map((a, i) => [a, i % folds]));
}
