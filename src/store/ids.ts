import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

// A fixed namespace: ids must be the same on every machine and in every run.
const NAMESPACE = '6f0b8a3e-3c55-5d2e-9a51-2b7c1f6e4d10';

/** A deterministic uuid for a string key (uuid v5). */
export function stableId(key: string): string {
  return uuidv5(key, NAMESPACE);
}

/** The article id for a canonical URL. */
export function articleIdFor(canonicalUrl: string): string {
  return stableId(`article|${canonicalUrl}`);
}

/** sha256 of the normalised text: a changed article is re-analysed, an unchanged one is not. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}
