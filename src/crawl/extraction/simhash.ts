/**
 * A 64-bit SimHash of a text as 16 hex digits: near-identical texts (a syndicated copy with a
 * different byline, a corrected typo) differ in a few bits, unrelated ones in about half. The
 * features are lowercase word 3-grams; the hash of each is two independent 32-bit halves.
 */
export function simhash(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const votes = new Int32Array(64);
  const n = Math.max(1, words.length - 2);
  for (let i = 0; i < n; i++) {
    const feature = words.slice(i, i + 3).join(' ');
    vote(votes, 0, hash32(feature, 0x811c9dc5));
    vote(votes, 32, hash32(feature, 0x01000193));
  }
  let hex = '';
  for (let half = 0; half < 2; half++) {
    let bits = 0;
    for (let b = 0; b < 32; b++) if (votes[half * 32 + b]! > 0) bits |= 1 << b;
    hex += (bits >>> 0).toString(16).padStart(8, '0');
  }
  return words.length === 0 ? '0'.repeat(16) : hex;
}

/** Bits that differ between two simhashes, 0 to 64. */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x > 0n) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}

function vote(votes: Int32Array, offset: number, hash: number): void {
  for (let b = 0; b < 32; b++) votes[offset + b]! += (hash >>> b) & 1 ? 1 : -1;
}

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so that every input bit counts. */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
