import { z } from 'zod';
import { feedEntry, type FeedEntry } from './feed-entry.js';

const item = z.object({
  url: z.string().optional().catch(undefined),
  external_url: z.string().optional().catch(undefined),
  id: z.unknown().optional(),
  title: z.string().optional().catch(undefined),
  date_published: z.string().optional().catch(undefined),
  date_modified: z.string().optional().catch(undefined),
});

const jsonFeed = z.object({
  version: z.string().regex(/^https:\/\/jsonfeed\.org\/version\//),
  items: z.array(z.unknown()),
});

/**
 * Reads a JSON Feed (1.0 or 1.1) into entries: an item's `url`, else its `external_url`, else an
 * `id` that is a URL. Throws `refuse(reason)` for JSON that is not a JSON Feed.
 */
export function parseJsonFeed(
  body: string,
  feedUrl: string,
  refuse: (reason: string, cause?: unknown) => Error,
): FeedEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw refuse('body is JSON but does not parse', err);
  }
  const feed = jsonFeed.safeParse(parsed);
  if (!feed.success) throw refuse('body is JSON but not a JSON Feed');
  const entries: FeedEntry[] = [];
  for (const raw of feed.data.items) {
    const fields = item.safeParse(raw);
    if (!fields.success) continue;
    const { url, external_url: external, id, title } = fields.data;
    const href =
      url ?? external ?? (typeof id === 'string' && /^https?:/i.test(id) ? id : undefined);
    const date = fields.data.date_published ?? fields.data.date_modified;
    const entry = feedEntry({ href, title: title?.replace(/\s+/g, ' ').trim(), date }, feedUrl);
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}
