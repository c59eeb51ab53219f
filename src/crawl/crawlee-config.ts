import { Configuration, LogLevel, MemoryStorage } from 'crawlee';

/**
 * A configuration of our own with a fresh in-memory storage client: concurrent crawls must not
 * share the default request queue, and workers must not write a ./storage folder. The log level
 * quiets Crawlee's global logger (used by its storages and autoscaling); CRAWLEE_LOG_LEVEL still
 * wins, because Configuration reads the environment first.
 */
export function isolatedConfiguration({ fixedConcurrency = false } = {}): Configuration {
  return new Configuration({
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    persistStorage: false,
    purgeOnStart: true,
    logLevel: LogLevel.WARNING,
    // System info feeds autoscaling only; Crawlee gathers it by spawning `ps` and running
    // `cat /proc/meminfo` synchronously, every second of every crawl. A pool of fixed
    // concurrency has no use for it, so it is gathered once a minute.
    ...(fixedConcurrency ? { systemInfoIntervalMillis: 60_000 } : {}),
  });
}
