/** Markup that is already safe: interpolated as is by `html`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element or an attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Part = SafeHtml | string | number | null | undefined | false | Part[];

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (Array.isArray(p)) return p.map(render).join('');
  if (p instanceof SafeHtml) return p.value;
  return escapeHtml(String(p));
}

/**
 * A template tag that escapes every interpolated value unless it is SafeHtml (another `html`
 * result), so article text and titles from crawled pages can never inject markup.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')));
  return new SafeHtml(out);
}

/** Trusted markup, for constants only. */
export const raw = (s: string): SafeHtml => new SafeHtml(s);

/** An http(s) URL for an href, or "#" for anything else (javascript:, data: ...). */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
