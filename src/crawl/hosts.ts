import { isIP } from 'node:net';

/** How one crawl treats each host it fetches from. */
export interface HostPolicy {
  /** Requests in flight to one host at a time. */
  maxConcurrency: number;
  /** Pause between the starts of two requests to one host, in ms (IP-literal hosts exempt). */
  minDelayMs: number;
  /** The longest robots.txt Crawl-delay honoured, in ms; longer ones are cut to it. */
  maxCrawlDelayMs: number;
  /** The longest Retry-After waited for, in ms; a host asking for more is given up. */
  maxRetryAfterMs: number;
}

interface HostState {
  active: number;
  /** Earliest time (ms since epoch) the next request may start. */
  nextStart: number;
  delayMs: number;
  /** Set when the host asked for a pause (429/503 with Retry-After). */
  pausedUntil: number;
  /** The host asked for a pause longer than we wait: further requests to it fail at once. */
  givenUp: boolean;
}

/** What {@link HostScheduler.reserve} decides for one request. */
export type Reservation =
  | { kind: 'start' }
  /** The host is paused or within its delay: ask again in `ms`. */
  | { kind: 'wait'; ms: number }
  /** The host has all its slots in use: ask again when one is released. */
  | { kind: 'busy' };

/**
 * Per-host politeness for one crawl: at most `maxConcurrency` requests in flight to a host, a
 * minimum pause between request starts (the larger of the crawl's and the host's robots.txt
 * Crawl-delay), and a pause for that host alone when it answers 429 or 503 with Retry-After.
 * Other hosts of the same crawl are not slowed down.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly policy: HostPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Asks to start a request to `url` now. On `start` the request has taken a slot, which the
   * caller must {@link release}.
   */
  reserve(url: string): Reservation {
    const state = this.stateOf(url);
    const now = this.now();
    const earliest = Math.max(state.nextStart, state.pausedUntil);
    if (earliest > now) return { kind: 'wait', ms: earliest - now };
    if (state.active >= this.policy.maxConcurrency) return { kind: 'busy' };
    state.active += 1;
    state.nextStart = now + state.delayMs;
    return { kind: 'start' };
  }

  /** Frees the slot taken by a {@link reserve} that returned 0. */
  release(url: string): void {
    const state = this.stateOf(url);
    state.active = Math.max(0, state.active - 1);
  }

  /** Applies a robots.txt Crawl-delay (seconds) to the host of `url`, capped by the policy. */
  setCrawlDelay(url: string, seconds: number): void {
    const state = this.stateOf(url);
    const delayMs = Math.min(seconds * 1000, this.policy.maxCrawlDelayMs);
    state.delayMs = Math.max(state.delayMs, delayMs);
  }

  /**
   * Pauses the host of `url` for `ms` after a 429 or 503. Returns false, and gives the host up
   * for the rest of the crawl, when the pause is longer than the policy waits for.
   */
  pause(url: string, ms: number): boolean {
    const state = this.stateOf(url);
    if (ms > this.policy.maxRetryAfterMs) {
      state.givenUp = true;
      return false;
    }
    state.pausedUntil = Math.max(state.pausedUntil, this.now() + ms);
    return true;
  }

  /** Whether the host of `url` asked for a longer pause than this crawl waits for. */
  isGivenUp(url: string): boolean {
    return this.stateOf(url).givenUp;
  }

  private stateOf(url: string): HostState {
    const { host, hostname } = new URL(url);
    let state = this.hosts.get(host);
    if (state === undefined) {
      // Tests and demos run on IP literals; real news sites never do.
      const delayMs = isIP(hostname.replace(/^\[|\]$/g, '')) ? 0 : this.policy.minDelayMs;
      state = { active: 0, nextStart: 0, delayMs, pausedUntil: 0, givenUp: false };
      this.hosts.set(host, state);
    }
    return state;
  }
}

/** `host:port` of a URL, the key of its politeness state. */
export function hostOf(url: string): string {
  return new URL(url).host;
}

/**
 * Milliseconds a Retry-After header asks for: delta-seconds or an HTTP date. Undefined when
 * absent or unreadable.
 */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
