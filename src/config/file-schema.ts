import { z } from 'zod';
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
    /** Loopback and private addresses are refused unless an outlet says it lives there (demo, tests). */
    allowPrivateNetwork: z.boolean().default(false),
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
