// Control characters (CR and LF end a header and start another one), Unicode line separators and
// bidirectional overrides (which can make a subject read backwards).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe for a mail header: one line, no control or bidi characters, at most `max`
 * characters. Article titles and actor names come from the web and the config file.
 */
export function headerText(value: string, max = 160): string {
  const flat = value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Text for an HTML body: markup characters escaped, control characters removed. */
export function escapeHtml(value: string): string {
  return value
    .replace(UNSAFE, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The URL when it is plain http(s), else undefined: a crawled javascript: link is never linked. */
export function safeUrl(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A bare e-mail address or undefined: no display name, list separator or line break can ride along. */
export function safeAddress(value: string): string | undefined {
  const v = value.trim();
  return /^[^\s@<>,;:"'\\()[\]]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(v) ? v : undefined;
}
