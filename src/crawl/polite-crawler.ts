import type { IncomingMessage } from 'node:http';
import { text } from 'node:stream/consumers';
import {
  CheerioCrawler,
  type CheerioCrawlerOptions,
  type CheerioCrawlingContext,
  type Configuration,
  type Request,
} from 'crawlee';
import { asUtf8Response, decodeBody, readCappedBody } from './body.js';
import { hostOf, type HostScheduler } from './hosts.js';
import { deadlineOf } from './navigation.js';
import { LABEL } from './run.js';

/** Anything a request can be handed back to for a later attempt. */
export interface RequestSource {
  reclaimRequest(request: Request, options?: { forefront?: boolean }): Promise<unknown>;
}

/**
 * A CheerioCrawler that is polite per host and careful with bodies. It extends the crawler at
 * the points Crawlee leaves open to subclasses (the host logic is {@link HostSlots}):
 * - `delayRequest`: a request to a host that is busy, paused (Retry-After) or within its delay
 *   goes back to the queue until its slot, as Crawlee's own `sameDomainDelaySecs` does, so that
 *   waiting holds no concurrency slot and no handler timeout;
 * - `_cleanupContext`: frees the host slot once a request attempt is over, whatever its outcome;
 * - `_parseResponse`: reads the body with a size cap, within the attempt's deadline, and decodes it by BOM, header, `<meta>` or
 *   XML declaration (Crawlee only knows the header), handing Crawlee UTF-8.
 */
export class PoliteCrawler extends CheerioCrawler {
  constructor(
    options: CheerioCrawlerOptions,
    config: Configuration,
    private readonly slots: HostSlots,
    private readonly maxResponseBytes: number,
  ) {
    super(options, config);
  }

  protected override delayRequest(request: Request, source: RequestSource): boolean {
    return this.slots.delay(request, source);
  }

  protected override async _cleanupContext(context: CheerioCrawlingContext): Promise<void> {
    await this.slots.release(context.request);
    await super._cleanupContext(context);
  }

  protected override async _parseResponse(
    request: Request,
    responseStream: IncomingMessage,
    context: CheerioCrawlingContext,
  ) {
    const bytes = await readCappedBody(responseStream, this.maxResponseBytes, deadlineOf(request));
    const { text } = decodeBody(bytes, responseStream.headers['content-type']);
    return super._parseResponse(request, asUtf8Response(responseStream, text), context);
  }

  /**
   * Crawlee parses every HTML or XML body twice (htmlparser2, then cheerio). Only homepage and
   * section pages are read through `$`; articles are parsed once by the extractor, and feeds,
   * sitemaps and robots.txt by their own parsers, so for them the body is passed on unparsed.
   * In the crawl bench this saved about 15% of the crawl's CPU per article and a third of its
   * peak memory.
   */
  protected override async _parseHTML(
    response: IncomingMessage,
    isXml: boolean,
    context: CheerioCrawlingContext,
  ): ReturnType<CheerioCrawler['_parseHTML']> {
    const { label } = context.request;
    if (label === LABEL.homepage || label === LABEL.section) {
      return super._parseHTML(response, isXml, context);
    }
    return {
      body: await text(response),
      dom: undefined as unknown as Awaited<ReturnType<CheerioCrawler['_parseHTML']>>['dom'],
      $: unparsed(label),
      enqueueLinks: () => Promise.resolve({ processedRequests: [], unprocessedRequests: [] }),
    };
  }
}

/** Stands for `$` where no DOM was built: any use is a bug, and says which label it was. */
function unparsed(label: string | undefined): CheerioCrawlingContext['$'] {
  const fail = (): never => {
    throw new Error(`no DOM is parsed for ${label ?? 'unlabelled'} requests; read the body`);
  };
  return new Proxy(fail, { apply: fail, get: fail }) as unknown as CheerioCrawlingContext['$'];
}

/**
 * The host slots of one crawl, shared by its crawlers (HTTP, and the browser for `render:
 * browser` outlets) so that a host's concurrency and delay hold across both.
 */
export class HostSlots {
  private readonly held = new Set<string>();
  /** Requests waiting for a busy host, by host, handed back one per released slot. */
  private readonly parked = new Map<string, { request: Request; source: RequestSource }[]>();

  constructor(private readonly hosts: HostScheduler) {}

  /** Crawlee's `delayRequest`: true when the request went back to wait for its host. */
  delay(request: Request, source: RequestSource): boolean {
    const reservation = this.hosts.reserve(request.url);
    if (reservation.kind === 'start') {
      this.held.add(request.id ?? request.uniqueKey);
      return false;
    }
    if (reservation.kind === 'busy') {
      const host = hostOf(request.url);
      const waiting = this.parked.get(host);
      // Pushed in place: copying the list per request was quadratic on a crawl of thousands.
      if (waiting === undefined) this.parked.set(host, [{ request, source }]);
      else waiting.push({ request, source });
    } else {
      setTimeout(() => void reclaim(source, request), reservation.ms);
    }
    return true;
  }

  /** Called once a request is done for good (handled, or failed after its retries). */
  onDone: ((url: string) => Promise<void>) | undefined;

  /** Frees the host slot of a request attempt once it is over, whatever its outcome. */
  async release(request: Request): Promise<void> {
    if (this.held.delete(request.id ?? request.uniqueKey)) {
      this.hosts.release(request.url);
      // Handed back before this task ends, so that the pool sees it when it looks for work.
      const next = this.parked.get(hostOf(request.url))?.shift();
      if (next !== undefined) await reclaim(next.source, next.request);
    }
    // Crawlee marks a request handled before cleaning up; a retry is not marked.
    if (request.handledAt) await this.onDone?.(request.url);
  }
}

async function reclaim(source: RequestSource, request: Request): Promise<void> {
  try {
    await source.reclaimRequest(request);
  } catch {
    // A request that cannot be handed back stays locked until its lock expires, then runs.
  }
}
