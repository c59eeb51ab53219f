import type { CheerioRoot, Dictionary, Request, RequestOptions } from 'crawlee';
import type { Logger } from '../log.js';
import type { HostScheduler } from './hosts.js';
import type { NetworkPolicy } from './network-policy.js';
import { ALLOW_ALL, originOf, robotsUrlFor, type RobotsRules } from './robots.js';
import type { CrawlFailure, CrawlHooks, CrawlStage, CrawlSummary, Outlet, SourceValidators } from './types.js';

/** Request labels: what a fetched URL is expected to be. */
export const LABEL = {
  robots: 'ROBOTS',
  feed: 'FEED',
  sitemap: 'SITEMAP',
  homepage: 'HOMEPAGE',
  section: 'SECTION',
  article: 'ARTICLE',
} as const;

const STAGE_OF_LABEL: Record<string, CrawlStage> = {
  [LABEL.feed]: 'feed',
  [LABEL.sitemap]: 'sitemap',
  [LABEL.homepage]: 'homepage',
  [LABEL.section]: 'homepage',
  [LABEL.article]: 'page',
};

/** The failure stage of a request label (an unlabelled request is an article page). */
export function stageOf(label: string | undefined): CrawlStage {
  return STAGE_OF_LABEL[label ?? ''] ?? 'page';
}

/**
 * What a handler reads of a fetched page: the request, the decoded body and its parsed DOM. The
 * HTTP crawler's context is one; the browser crawler builds one from the rendered page.
 */
export interface PageContext<UserData extends Dictionary = Dictionary> {
  request: Request<UserData>;
  body: string | Buffer;
  $: CheerioRoot;
}

/** Settings of one crawl, resolved from the outlet and the crawl options. */
export interface CrawlSettings {
  userAgent: string;
  /** Feed and sitemap entries dated before this are skipped. */
  oldest: Date | undefined;
  include: RegExp[];
  exclude: RegExp[];
  /** Read the sitemaps robots.txt lists (when the outlet names no feeds or sitemaps). */
  robotsSitemaps: boolean;
  extractOnThread: boolean;
  now: Date;
}

type RobotsState =
  | { status: 'pending'; waiting: RequestOptions[] }
  | { status: 'ready'; rules: RobotsRules };

/** The state of one outlet crawl, shared by its request handlers. */
export interface CrawlRun {
  outlet: Outlet;
  /** Which private addresses this outlet may reach (its allowPrivateNetwork). */
  network: NetworkPolicy;
  hooks: CrawlHooks;
  log: Logger;
  summary: CrawlSummary;
  settings: CrawlSettings;
  hosts: HostScheduler;
  /** Adds requests to this crawl's queue. */
  addRequests: (requests: RequestOptions[]) => Promise<unknown>;
  /** Article URLs queued in this run: one listed by two feeds costs one fetch and one slot. */
  queued: Set<string>;
  /** Article URLs sent to the network at least once (retries count once). */
  requested: Set<string>;
  /** Feeds and sitemaps queued in this run, so that a loop of sitemap indexes ends. */
  sources: Set<string>;
  robots: Map<string, RobotsState>;
  /** Validators of feeds and sitemaps from their last fetch (conditional GET). */
  validators?: ReadonlyMap<string, SourceValidators>;
  /** Status and validators of each feed and sitemap response of this run, by request URL. */
  sourceResponses?: Map<string, SourceValidators & { status: number }>;
}

/** Records a failed URL: counted, logged once here, handed to the failure hook. */
export async function reportFailure(run: CrawlRun, failure: CrawlFailure): Promise<void> {
  run.summary.failures += 1;
  const { url, stage, reason, status } = failure;
  run.log.info({ url, stage, reason, status }, 'crawl url failed');
  await run.hooks.onFailure(failure);
}

/**
 * Queues requests once the robots.txt of their origin is known: the first request to an origin
 * queues its robots.txt (through the same crawler, so with the same User-Agent, address checks,
 * size cap and politeness) and waits for it. Requests robots.txt disallows are recorded as
 * failures "disallowed by robots.txt".
 */
export async function admit(run: CrawlRun, requests: RequestOptions[]): Promise<void> {
  const ready: RequestOptions[] = [];
  const robotsRequests: RequestOptions[] = [];
  for (const request of requests) {
    const origin = originOf(request.url);
    const state = run.robots.get(origin);
    if (state === undefined) {
      run.robots.set(origin, { status: 'pending', waiting: [request] });
      const url = robotsUrlFor(request.url);
      // A missing or broken robots.txt allows everything: one attempt is enough.
      robotsRequests.push({ url, uniqueKey: `robots ${url}`, label: LABEL.robots, maxRetries: 0 });
    } else if (state.status === 'pending') {
      state.waiting.push(request);
    } else {
      ready.push(request);
    }
  }
  await addAllowed(run, ready);
  if (robotsRequests.length > 0) await run.addRequests(robotsRequests);
}

/** Sets the robots.txt rules of an origin and releases the requests that waited for them. */
export async function settleRobots(run: CrawlRun, url: string, rules: RobotsRules): Promise<void> {
  const origin = originOf(url);
  const state = run.robots.get(origin);
  run.robots.set(origin, { status: 'ready', rules });
  if (rules.crawlDelaySecs !== undefined) run.hosts.setCrawlDelay(url, rules.crawlDelaySecs);
  if (state?.status === 'pending') await addAllowed(run, state.waiting);
}

/** Rules for a robots.txt that could not be read: everything allowed. */
export function settleRobotsAsMissing(run: CrawlRun, url: string): Promise<void> {
  return settleRobots(run, url, ALLOW_ALL);
}

async function addAllowed(run: CrawlRun, requests: RequestOptions[]): Promise<void> {
  const allowed: RequestOptions[] = [];
  for (const request of requests) {
    const state = run.robots.get(originOf(request.url));
    const rules = state?.status === 'ready' ? state.rules : ALLOW_ALL;
    if (rules.isAllowed(request.url)) {
      allowed.push(request);
      continue;
    }
    run.queued.delete(request.url);
    const stage = stageOf(request.label);
    await reportFailure(run, { url: request.url, stage, reason: 'disallowed by robots.txt' });
  }
  if (allowed.length > 0) await run.addRequests(allowed);
}

/** The robots.txt rules known for the origin of `url`, if they are in. */
export function robotsRulesFor(run: CrawlRun, url: string): RobotsRules | undefined {
  const state = run.robots.get(originOf(url));
  return state?.status === 'ready' ? state.rules : undefined;
}
