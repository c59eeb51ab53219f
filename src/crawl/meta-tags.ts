/**
 * The <meta> tags of a page, indexed once: reading thirty tags through thirty selector queries
 * walks the whole document thirty times. Keys are `attribute=value` in lowercase, for the
 * attributes `property`, `name`, `itemprop` and `http-equiv`: `property=article:published_time`.
 * The first tag with a non-empty content wins.
 */
export class MetaTags {
  private readonly values = new Map<string, string>();

  constructor(doc: Document) {
    for (const el of Array.from(doc.querySelectorAll('meta'))) {
      const content = el.getAttribute('content')?.trim();
      if (content === undefined || content === '') continue;
      for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
        const value = el.getAttribute(attr)?.trim().toLowerCase();
        if (value === undefined || value === '') continue;
        const key = `${attr}=${value}`;
        if (!this.values.has(key)) this.values.set(key, content);
      }
    }
  }

  /** The content of the first tag with this key, e.g. `name=author`; undefined when absent. */
  get(key: string): string | undefined {
    return this.values.get(key);
  }

  /** The first of `keys` that the page has. */
  first(keys: readonly string[]): string | undefined {
    for (const key of keys) {
      const value = this.values.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}
