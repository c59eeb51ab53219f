import { parseConfigText, type StancewatchConfig } from '../config/index.js';
import type { ProbeOptions, SiteProbe } from '../crawl/index.js';
import { ActorSuggester, type ActorSuggestion, type SuggestedKind } from '../nlp/index.js';
import { crawlDomain } from './crawl-outlet.js';

/** An actor as `init` will write it. */
export interface PlannedActor {
  id: string;
  name: string;
  kind: 'country' | 'organization' | 'person' | 'group';
  aliases: string[];
  /** Why it is there: named by the user, or suggested from the sample (with its counts). */
  origin: string;
}

export interface ConfigPlan {
  outlets: (SiteProbe & { id: string; sampled: number })[];
  actors: PlannedActor[];
  /** Suggestions not (yet) taken as actors: written as comments, ready to uncomment. */
  suggestions: ActorSuggestion[];
  articlesRead: number;
}

export interface PlanOptions {
  sites: readonly string[];
  /** Actor names to follow whatever the sample says; `Name=kind` sets the kind. */
  actors?: readonly string[];
  /** Articles fetched per site. @defaultValue 8 */
  sample?: number;
  /** Suggestions kept. @defaultValue 15 */
  suggestions?: number;
  probe?: ProbeOptions;
  /** Told what is happening, site by site (the CLI prints it on stderr). */
  onStep?: (message: string) => void;
}

const KIND_OF: Record<SuggestedKind, PlannedActor['kind']> = {
  person: 'person',
  organisation: 'organization',
  place: 'country',
  unknown: 'group',
};

/** A config id from a name or host: lowercase letters, digits and dashes. */
export function slugId(text: string, taken: Set<string>): string {
  const base =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function outletIdFor(probe: SiteProbe, taken: Set<string>): string {
  const u = new URL(probe.homepage);
  const host = u.hostname.replace(/^www\./, '');
  // Sites on one host (the demo's, a newspaper group's) differ by path.
  const path = u.pathname.split('/').filter(Boolean)[0];
  const local = /^(localhost|[\d.]+|\[.*\])$/.test(host);
  return slugId(local && path ? path : host.replace(/\.[a-z]+$/, '') || host, taken);
}

function namedActor(spec: string, suggestions: readonly ActorSuggestion[], ids: Set<string>): PlannedActor {
  const [rawName, rawKind] = spec.split('=');
  const name = rawName!.trim();
  if (name === '') throw new Error(`--actor "${spec}": give a name, optionally with =kind`);
  const kinds = ['country', 'organization', 'person', 'group'];
  if (rawKind !== undefined && !kinds.includes(rawKind.trim())) {
    throw new Error(`--actor "${spec}": kind must be one of ${kinds.join(', ')}`);
  }
  const seen = suggestions.find((s) => s.phrase.toLowerCase() === name.toLowerCase());
  const kind = (rawKind?.trim() as PlannedActor['kind'] | undefined) ?? (seen ? KIND_OF[seen.kind] : 'group');
  const origin = seen ? `named by you; in ${seen.articles} sampled articles` : 'named by you';
  return { id: slugId(name, ids), name, kind, aliases: [], origin };
}

/** Turns a suggestion into an actor entry (its other spellings become aliases). */
export function actorFromSuggestion(s: ActorSuggestion, ids: Set<string>): PlannedActor {
  return {
    id: slugId(s.phrase, ids),
    name: s.phrase,
    kind: KIND_OF[s.kind],
    // Datelines write names in capitals (BEIJING): the same name, not an alias worth listing.
    aliases: s.forms.filter((f) => f.toLowerCase() !== s.phrase.toLowerCase()).slice(0, 5),
    origin: `suggested: ${s.articles} sampled articles, ${s.mentions} mentions, kind guessed: ${s.kind}`,
  };
}

/**
 * Probes each site (feeds, sitemaps: the crawler's discovery), fetches a small sample of its
 * articles and suggests actors from them (what `actors suggest` does on stored articles). A site
 * whose homepage cannot be fetched fails the plan, naming it; smaller problems become notes.
 */
export async function planConfig(opts: PlanOptions): Promise<ConfigPlan> {
  if (opts.sites.length === 0) throw new Error('no sites: give at least one outlet homepage');
  const crawl = await crawlDomain();
  const step = opts.onStep ?? (() => {});
  const outletIds = new Set<string>();
  const outlets: ConfigPlan['outlets'] = [];
  const texts: string[] = [];
  for (const site of opts.sites) {
    step(`${site}: looking for feeds and sitemaps`);
    const probe = await crawl.probeSite(site, opts.probe ?? {});
    step(`${site}: ${probe.feeds.length} feeds, ${probe.sitemaps.length} sitemaps, ${probe.articleUrls.length} article links`);
    const sample = await crawl.sampleArticles(probe.articleUrls, opts.sample ?? 8, { ...opts.probe, notes: probe.notes });
    step(`${site}: ${sample.length} articles read`);
    texts.push(...sample.map((a) => a.text));
    outlets.push({ ...probe, id: outletIdFor(probe, outletIds), sampled: sample.length });
  }
  const suggester = new ActorSuggester([], outlets.map((o) => o.name));
  for (const text of texts) suggester.add(text);
  const all = suggester.suggestions({ minCount: 2, limit: opts.suggestions ?? 15 });
  const actorIds = new Set<string>();
  const actors = (opts.actors ?? []).map((a) => namedActor(a, all, actorIds));
  const named = new Set(actors.map((a) => a.name.toLowerCase()));
  return { outlets, actors, suggestions: all.filter((s) => !named.has(s.phrase.toLowerCase())), articlesRead: texts.length };
}

const q = (s: string) => JSON.stringify(s);
const list = (xs: readonly string[]) => `[${xs.map(q).join(', ')}]`;

function actorYaml(a: PlannedActor, prefix = ''): string[] {
  return [
    `${prefix}# ${a.origin}`,
    `${prefix}- id: ${a.id}`,
    `${prefix}  name: ${q(a.name)}`,
    `${prefix}  kind: ${a.kind}${a.origin.startsWith('suggested') ? '   # a guess: check it' : ''}`,
    `${prefix}  aliases: ${list(a.aliases)}`,
  ];
}

/**
 * The config file text: every outlet with what was found, the chosen actors, the remaining
 * suggestions commented out, and a commented alert rule. Checked with the config parser before
 * it is returned, so what `init` writes always loads.
 */
export function renderConfig(plan: ConfigPlan, actors: readonly PlannedActor[]): { text: string; config: StancewatchConfig } {
  const lines = [
    '# stancewatch config written by `stancewatch init`.',
    '# Every field: docs/configuration.md. Run it once: npm start -- --config THIS_FILE --once',
    '',
    'outlets:',
  ];
  for (const o of plan.outlets) {
    lines.push(`  # ${o.sampled} articles sampled; ${o.feeds.length} feeds and ${o.sitemaps.length} sitemaps found`);
    for (const note of o.notes.slice(0, 5)) lines.push(`  #   note: ${note.replace(/\s+/g, ' ').slice(0, 150)}`);
    lines.push(`  - id: ${o.id}`, `    name: ${q(o.name)}`, `    homepage: ${q(o.homepage)}`);
    lines.push(o.feeds.length > 0 ? `    feeds: ${list(o.feeds)}` : '    feeds: []   # none found: the crawler reads the sitemaps or the homepage links');
    if (o.sitemaps.length > 0 && o.feeds.length === 0) lines.push(`    sitemaps: ${list(o.sitemaps.slice(0, 5))}`);
    lines.push('    schedule: 1h                      # an interval (30m, 2h) or a cron pattern');
    if (o.privateNetwork) lines.push(`    allowPrivateNetwork: ${list([new URL(o.homepage).hostname])}   # the site's host is on loopback or a private network`);
  }
  lines.push('', `# Actors: from ${plan.articlesRead} sampled articles. Add aliases ("Beijing" for China) and demonyms ("Chinese").`);
  lines.push('actors:');
  if (actors.length === 0) lines.push('  []   # none chosen yet: uncomment suggestions below, or add your own');
  for (const a of actors) lines.push(...actorYaml(a, '  '));
  const taken = new Set(actors.map((a) => a.name.toLowerCase()));
  const rest = plan.suggestions.filter((s) => !taken.has(s.phrase.toLowerCase()));
  if (rest.length > 0) {
    lines.push('  # More names the sample mentions; uncomment the ones to follow:');
    const ids = new Set(actors.map((a) => a.id));
    for (const s of rest) lines.push(...actorYaml(actorFromSuggestion(s, ids), '  # '));
  }
  lines.push(
    '',
    '# Alert rules: an e-mail when an outlet\'s framing of an actor shifts (docs/alerts.md).',
    'alerts: []',
    '#  - id: desk',
    '#    actors: all',
    '#    outlets: all',
    '#    sensitivity: medium',
    '#    recipients: [you@example.org]',
    '',
  );
  const text = lines.join('\n');
  return { text, config: parseConfigText(text, 'the config init wrote') };
}
