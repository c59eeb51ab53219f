import type { RequestOptions } from 'crawlee';
import { hostOf } from './hosts.js';

/**
 * Bounds how many requests of each host are in the crawler's queue at once; the rest wait here,
 * per host, in order, as plain request options.
 *
 * Without it a crawl of thousands of pages on a few hosts pulls every queued request of a busy
 * host out of Crawlee's queue to park it until the host has a free slot (HostSlots): all of them
 * become live Request objects holding queue locks, and locks that outlive Crawlee's lock time are
 * handed out again. With it, Crawlee's queue only ever holds requests that can run soon, from
 * every host, so other hosts are not stuck behind a long run of one host's URLs.
 */
export class HostGate {
  /** Requests in the crawler's queue (or running) per host. */
  private readonly admitted = new Map<string, number>();
  private readonly waiting = new Map<string, { items: RequestOptions[]; next: number }>();
  private readonly seen = new Set<string>();

  /**
   * @param window requests per host let into the crawler's queue at a time
   * @param sink adds requests to the crawler's queue
   */
  constructor(
    private readonly window: number,
    private readonly sink: (requests: RequestOptions[]) => Promise<unknown>,
  ) {}

  /** Queues requests; each host's beyond its window waits for {@link done}. */
  async add(requests: RequestOptions[]): Promise<void> {
    const now: RequestOptions[] = [];
    for (const request of requests) {
      // A request the crawler's queue already holds would never run again, nor free its place.
      const key = request.uniqueKey ?? request.url;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const host = hostOf(request.url);
      const queue = this.waiting.get(host);
      const inQueue = this.admitted.get(host) ?? 0;
      if (inQueue < this.window && (queue === undefined || queue.next === queue.items.length)) {
        this.admitted.set(host, inQueue + 1);
        now.push(request);
      } else if (queue === undefined) {
        this.waiting.set(host, { items: [request], next: 0 });
      } else {
        queue.items.push(request);
      }
    }
    if (now.length > 0) await this.sink(now);
  }

  /** A request is done for good (handled, or failed after its retries): its host's next goes in. */
  async done(url: string): Promise<void> {
    const host = hostOf(url);
    const queue = this.waiting.get(host);
    if (queue === undefined || queue.next === queue.items.length) {
      this.admitted.set(host, Math.max(0, (this.admitted.get(host) ?? 0) - 1));
      return;
    }
    const next = queue.items[queue.next]!;
    queue.next += 1;
    // Let the list go once drained; an index rather than shift() keeps each step O(1).
    if (queue.next === queue.items.length) this.waiting.delete(host);
    await this.sink([next]);
  }

  /** Requests still waiting outside the crawler's queue. */
  get backlog(): number {
    let n = 0;
    for (const queue of this.waiting.values()) n += queue.items.length - queue.next;
    return n;
  }
}
