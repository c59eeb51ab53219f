import { resolveHttpUrl } from './url.js';
import { parseXmlDate } from './xml.js';

/** One entry of a feed: the article URL (absolute, normalised) and what the feed says about it. */
export interface FeedEntry {
  url: string;
  title?: string;
  publishedAt?: Date;
}

/** An entry as read from the document, before its link is resolved and its date parsed. */
export interface RawEntry {
  href: string | undefined;
  title: string | undefined;
  date: string | undefined;
}

/** A FeedEntry from raw strings; undefined without an http(s) URL. */
export function feedEntry(raw: RawEntry, feedUrl: string): FeedEntry | undefined {
  const url = raw.href === undefined ? undefined : resolveHttpUrl(raw.href, feedUrl);
  if (url === undefined) return undefined;
  const entry: FeedEntry = { url };
  if (raw.title !== undefined && raw.title !== '') entry.title = raw.title;
  const publishedAt = parseXmlDate(raw.date);
  if (publishedAt !== undefined) entry.publishedAt = publishedAt;
  return entry;
}
