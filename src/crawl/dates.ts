import type { JsonLdArticle } from './json-ld.js';
import type { MetaTags } from './meta-tags.js';

// Publication-time meta tags after JSON-LD and article:published_time, in order of trust.
const PUBLISHED_META = [
  'property=og:published_time',
  'itemprop=datepublished',
  'name=pubdate',
  'name=publishdate',
  'name=publish-date',
  'name=parsely-pub-date',
  'name=sailthru.date',
  'name=dc.date.issued',
  'name=dcterms.created',
  'name=date',
];

const MODIFIED_META = [
  'property=article:modified_time',
  'property=og:updated_time',
  'itemprop=datemodified',
  'name=last-modified',
  'name=dcterms.modified',
];

// Zone names of RFC 2822 and a few common others, as offsets; ambiguous ones (IST, ET) are not.
const ZONES: Record<string, string> = {
  UTC: '+0000',
  GMT: '+0000',
  UT: '+0000',
  Z: '+0000',
  WET: '+0000',
  BST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
};

// 2024-05-01, 2024-05-01T08:00, 2024-05-01 08:00:00.123+02:00, ...Z, ...+0200, ...-05
const ISO = new RegExp(
  '^(\\d{4})-(\\d{2})-(\\d{2})' +
    '(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?$',
  'i',
);
// Wed, 01 May 2024 08:00:00 +0200 (or a zone name); the weekday and the seconds are optional.
const RFC_2822 = new RegExp(
  '^(?:[a-z]{3},?\\s+)?(\\d{1,2})\\s+([a-z]{3})[a-z]*\\.?\\s+(\\d{4})' +
    '(?:\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?))?\\s*([+-]\\d{4}|[a-z]{1,5})?$',
  'i',
);

/**
 * A Date from an ISO 8601 or RFC 2822 string, or undefined. A date-time without an offset is read
 * as UTC rather than in the zone of whichever machine runs the crawl; a date alone is midnight
 * UTC. Years before 1990 are refused: they are placeholders such as 0001-01-01, not news.
 */
export function parseDateUtc(text: string | undefined): Date | null {
  const value = text?.trim();
  if (value === undefined || value === '') return null;
  const date = parseIso(value) ?? parseRfc2822(value);
  if (date === undefined || Number.isNaN(date.getTime())) return null;
  return date.getUTCFullYear() >= 1990 ? date : null;
}

function parseIso(value: string): Date | undefined {
  const m = ISO.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  if (h === undefined) return new Date(`${y}-${mo}-${d}T00:00:00Z`);
  let offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone;
  if (/^[+-]\d{2}$/.test(offset)) offset += ':00';
  else if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const ms = fraction === undefined ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${ms}${offset}`);
}

function parseRfc2822(value: string): Date | undefined {
  const m = RFC_2822.exec(value);
  if (m === null) return undefined;
  const [, day, month, year, time, zone] = m;
  const offset =
    zone === undefined ? '+0000' : /^[+-]/.test(zone) ? zone : ZONES[zone.toUpperCase()];
  if (offset === undefined) return undefined;
  return new Date(`${day} ${month} ${year} ${time ?? '00:00'} ${offset}`);
}

/** Whether a parsed value carried no time of day, so that a more precise source may refine it. */
function isDateOnly(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

/** A date written into the URL path: `/2024/03/05/`, `/2024-03-05/`, `/20240305/`; midnight UTC. */
export function dateFromUrl(url: string): Date | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    // The page URL is the crawler's own and valid; a bad one only means no date from it.
    return null;
  }
  const m =
    /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/._-]|$)/.exec(path) ??
    /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/._-]|$)/.exec(path);
  if (m === null) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return date.getUTCDate() === Number(m[3]) ? date : null;
}

/**
 * The publication time of a page in UTC, from its most trusted source: JSON-LD, OpenGraph
 * `article:published_time`, other meta tags, a `<time datetime>`, the URL. A source that gives a
 * time in the future (beyond `now` plus a day) is skipped as wrong, and a date without a time is
 * refined by a less trusted source that gives a time on that same day.
 */
export function readPublishedAt(
  doc: Document,
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
  url: string,
  now = new Date(),
): Date | null {
  const candidates = [
    ld?.datePublished,
    meta.get('property=article:published_time'),
    ...PUBLISHED_META.map((key) => meta.get(key)),
  ];
  // The <time> lookup walks the whole document; most pages never need it.
  const picked = pickDate(candidates, now);
  if (picked !== null && picked.getUTCHours() + picked.getUTCMinutes() > 0) return picked;
  const withTime = pickDate(
    [...candidates, timeElement(doc)?.getAttribute('datetime') ?? undefined],
    now,
  );
  if (withTime !== null) return withTime;
  const fromUrl = dateFromUrl(url);
  return fromUrl !== null && fromUrl <= now ? fromUrl : null;
}

/** The last modification in UTC (JSON-LD, then meta tags), or null; never before `publishedAt`. */
export function readModifiedAt(
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
  publishedAt: Date | null,
  now = new Date(),
): Date | null {
  const candidates = [ld?.dateModified, ...MODIFIED_META.map((key) => meta.get(key))];
  const modified = pickDate(candidates, now);
  if (modified === null || (publishedAt !== null && modified < publishedAt)) return null;
  return modified;
}

function pickDate(candidates: (string | undefined)[], now: Date): Date | null {
  const latest = now.getTime() + 24 * 3600_000;
  for (const [i, candidate] of candidates.entries()) {
    const date = parseDateUtc(candidate);
    if (date === null || date.getTime() > latest) continue;
    if (!isDateOnly(candidate!)) return date;
    const day = date.toISOString().slice(0, 10);
    for (const other of candidates.slice(i + 1)) {
      if (other === undefined || isDateOnly(other)) continue;
      const refined = parseDateUtc(other);
      if (refined !== null && refined.getTime() <= latest && writtenDay(other, refined) === day) {
        return refined;
      }
    }
    return date;
  }
  return null;
}

/**
 * The calendar day a date-time names where it was written: 23:30 on 1 May in New York is 1 May,
 * though 2 May in UTC. A date without a time is the newsroom's day, so that is what it is
 * compared with. Only ISO 8601 carries its day in plain sight; others go by their UTC day.
 */
function writtenDay(text: string, parsed: Date): string {
  return /^\s*(\d{4}-\d{2}-\d{2})T/.exec(text)?.[1] ?? parsed.toISOString().slice(0, 10);
}

/** A <time> of the article itself, not the header's "today" or a sidebar teaser's. */
function timeElement(doc: Document): Element | null {
  return (
    doc.querySelector('[itemprop="datePublished"][datetime]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[datetime]')
  );
}
