import { z } from 'zod';
import { parseNetworkEntry } from './network-entry.js';
import { retentionSchema } from './retention.js';
import { parseDuration, parseSchedule, type Schedule } from './schedule.js';

// Ids end up in BullMQ job ids and URLs; BullMQ forbids ':' in custom ids.
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, - and _ only (max 63), starting with a letter or digit');

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

// One check, one message: "not-a-url" should not be reported twice.
const httpUrl = z.string().refine(isHttpUrl, { message: 'must be an absolute http(s) URL' });

/** A host name, IP address or CIDR range of allowPrivateNetwork, with what is wrong with it. */
const networkEntry = z.string().superRefine((entry, ctx) => {
  const parsed = parseNetworkEntry(entry);
  if (parsed.kind === 'invalid') ctx.addIssue({ code: 'custom', message: parsed.reason });
});

const schedule = z
  .union([
    z.string(),
    z.object({ cron: z.string() }).strict(),
    z.object({ every: z.string() }).strict(),
  ])
  .transform((value, ctx): Schedule => {
    const text = typeof value === 'string' ? value : 'cron' in value ? value.cron : value.every;
    try {
      const s = parseSchedule(text);
      if (typeof value === 'object' && 'every' in value && s.kind !== 'every') {
        throw new Error(`"${text}" is not an interval like "30m"`);
      }
      return s;
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      // The message below names the problem; the exception adds nothing for a config author.
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const duration = z.string().transform((text, ctx): number => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration like "2d" or "12h"` });
    return z.NEVER;
  }
  return ms;
});

// Crawl timings are short: "500ms", "1.5s", "2m". Kept apart from `duration` (days and hours),
// whose grammar the schedules share.
const SHORT_UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;
const shortDuration = (min: number, max: number) =>
  z.union([z.string(), z.number()]).transform((value, ctx): number => {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/i.exec(String(value).trim());
    if (typeof value === 'number' || m === null) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration like "500ms", "2s" or "1m"` });
      return z.NEVER;
    }
    const ms = Number(m[1]) * SHORT_UNIT_MS[m[2]!.toLowerCase() as keyof typeof SHORT_UNIT_MS];
    if (ms < min || ms > max) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is outside ${formatMs(min)} to ${formatMs(max)}` });
      return z.NEVER;
    }
    return ms;
  });

function formatMs(ms: number): string {
  return ms < 1_000 ? `${ms}ms` : ms < 60_000 ? `${ms / 1_000}s` : `${ms / 60_000}m`;
}

// Byte sizes: a number of bytes, or "512KB", "10MB" (binary multiples, as browsers show sizes).
const SIZE_UNIT = { b: 1, kb: 1_024, mb: 1_048_576 } as const;
const MIN_RESPONSE_BYTES = 16 * 1_024;
const MAX_RESPONSE_BYTES = 100 * 1_048_576;
const byteSize = z.union([z.string(), z.number()]).transform((value, ctx): number => {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(String(value).trim());
  const bytes = m === null ? NaN : Math.round(Number(m[1]) * SIZE_UNIT[(m[2] ?? 'b').toLowerCase() as keyof typeof SIZE_UNIT]);
  if (!Number.isFinite(bytes)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a size like "512KB" or "10MB"` });
    return z.NEVER;
  }
  if (bytes < MIN_RESPONSE_BYTES || bytes > MAX_RESPONSE_BYTES) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is outside 16KB to 100MB` });
    return z.NEVER;
  }
  return bytes;
});

export const RENDER_MODES = ['http', 'browser'] as const;

export const ACTOR_KINDS = ['country', 'organization', 'person', 'group'] as const;

export const actorSchema = z
  .object({
    id,
    name: z.string().trim().min(1),
    kind: z.enum(ACTOR_KINDS),
    aliases: z.array(z.string().trim().min(1)).default([]),
    demonyms: z.array(z.string().trim().min(1)).default([]),
    affiliation: id.optional(),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

export const outletSchema = z
  .object({
    id,
    name: z.string().trim().min(1),
    homepage: httpUrl,
    feeds: z.array(httpUrl).default([]),
    schedule: schedule.prefault('1h'),
    /**
     * Private addresses this outlet may reach: host names, IP addresses or CIDR ranges
     * ("intranet.example", "10.0.0.0/8"); link-local and metadata addresses only when listed as
     * such. `true` is deprecated and means the outlet's own hosts; everything private is refused
     * by default.
     */
    allowPrivateNetwork: z.union([z.boolean(), z.array(networkEntry)]).default(false),
    /** Upper bound of article pages fetched per crawl, so one huge feed cannot starve the others. */
    maxArticlesPerCrawl: z.number().int().min(1).max(10_000).default(200),
    /** Sitemaps to read (news sitemaps, indexes); with no feeds nor these, robots.txt's are read. */
    sitemaps: z.array(httpUrl).default([]),
    /** Section pages whose article links are followed, like the homepage's. */
    sections: z.array(httpUrl).default([]),
    /** Regular expressions; when given, a followed link must match one (else built-in rules). */
    articleUrlPatterns: z.array(regexSource).default([]),
    /** Regular expressions; a followed link or sitemap URL matching one is skipped. */
    excludeUrlPatterns: z.array(regexSource).default([]),
    /** Feed or sitemap entries dated older than this ("2d", "12h") are skipped; ms once parsed. */
    maxAge: duration.optional(),
    /** User-Agent for this outlet, with a contact URL; the crawl's own applies otherwise. */
    userAgent: z.string().trim().min(1).optional(),
    /**
     * `browser` fetches article, homepage and section pages in headless Chromium (pages that
     * write their text with JavaScript); feeds, sitemaps and robots.txt stay plain HTTP.
     */
    render: z.enum(RENDER_MODES).default('http'),
    // Politeness and limits. Unset, the crawl's own options (or their defaults) apply.
    /** Parallel requests of one crawl of this outlet. */
    maxConcurrency: z.number().int().min(1).max(64).optional(),
    /** Parallel requests to one host. */
    maxConcurrencyPerHost: z.number().int().min(1).max(16).optional(),
    /** Upper bound of requests per minute of one crawl of this outlet. */
    maxRequestsPerMinute: z.number().int().min(1).max(6_000).optional(),
    /** Pause between the starts of two requests to one host ("250ms", "2s"); Crawl-delay may raise it. */
    hostDelay: shortDuration(0, 60_000).optional(),
    /** The longest robots.txt Crawl-delay honoured ("30s"). */
    maxCrawlDelay: shortDuration(0, 600_000).optional(),
    /** The longest 429/503 Retry-After waited for ("60s"); a host asking for more is given up. */
    maxRetryAfter: shortDuration(0, 600_000).optional(),
    /** Time to connect and download one response ("30s"). */
    requestTimeout: shortDuration(1_000, 300_000).optional(),
    /** Retries after a retryable failure (network error, 5xx, 408, 429). */
    maxRetries: z.number().int().min(0).max(10).optional(),
    /** Redirects followed per request. */
    maxRedirects: z.number().int().min(0).max(20).optional(),
    /** Bodies above this ("10MB", "512KB" or bytes) are cut off and recorded as too large. */
    maxResponseSize: byteSize.optional(),
    /**
     * Adaptive polling floor ("5m"): an outlet publishing a lot is crawled up to this often; its
     * `schedule` interval is the ceiling. Default: an eighth of the schedule, at least 1 minute.
     */
    minInterval: duration.optional(),
    /** A listed feed or sitemap failing this many crawls in a row is disabled until `outlets enable`. */
    maxFeedFailures: z.number().int().min(1).max(100).default(5),
  })
  .strict();
export type Outlet = z.infer<typeof outletSchema>;

export const ALERT_KINDS = ['stance-level', 'polarity-flip', 'frame-shift', 'source-shift'] as const;

export const alertRuleSchema = z
  .object({
    id,
    actors: z.union([z.literal('all'), z.array(id).min(1)]).default('all'),
    outlets: z.union([z.literal('all'), z.array(id).min(1)]).default('all'),
    kinds: z.array(z.enum(ALERT_KINDS)).min(1).optional(),
    sensitivity: z.enum(['low', 'medium', 'high']).default('medium'),
    recipients: z.array(z.string().email()).default([]),
    delivery: z.enum(['immediate', 'digest']).default('immediate'),
  })
  .strict();
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const configFileSchema = z
  .object({
    outlets: z.array(outletSchema).default([]),
    actors: z.array(actorSchema).default([]),
    alerts: z.array(alertRuleSchema).default([]),
    retention: retentionSchema.optional(),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const report = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    for (const key of ['outlets', 'actors', 'alerts'] as const) {
      const seen = new Map<string, number>();
      cfg[key].forEach((item, i) => {
        const first = seen.get(item.id);
        if (first !== undefined) report([key, i, 'id'], `duplicate id "${item.id}" (also ${key}[${first}])`);
        else seen.set(item.id, i);
      });
    }
    const actorIds = new Set(cfg.actors.map((a) => a.id));
    const outletIds = new Set(cfg.outlets.map((o) => o.id));
    cfg.actors.forEach((a, i) => {
      if (a.affiliation !== undefined && !actorIds.has(a.affiliation)) {
        report(['actors', i, 'affiliation'], `unknown actor "${a.affiliation}"`);
      }
      if (a.affiliation === a.id) report(['actors', i, 'affiliation'], 'an actor cannot be affiliated with itself');
    });
    // The same surface form for two actors would make every such mention ambiguous.
    const owner = new Map<string, string>();
    cfg.actors.forEach((a, i) => {
      [a.name, ...a.aliases, ...a.demonyms].forEach((form) => {
        const prev = owner.get(form.toLowerCase());
        if (prev !== undefined && prev !== a.id) {
          report(['actors', i], `"${form}" is also a name, alias or demonym of actor "${prev}"`);
        } else owner.set(form.toLowerCase(), a.id);
      });
    });
    cfg.alerts.forEach((rule, i) => {
      if (rule.actors !== 'all') {
        rule.actors.forEach((a, j) => {
          if (!actorIds.has(a)) report(['alerts', i, 'actors', j], `unknown actor "${a}"`);
        });
      }
      if (rule.outlets !== 'all') {
        rule.outlets.forEach((o, j) => {
          if (!outletIds.has(o)) report(['alerts', i, 'outlets', j], `unknown outlet "${o}"`);
        });
      }
    });
  });

/** A validated config file, with defaults applied. */
export type StancewatchConfig = z.infer<typeof configFileSchema>;
