/**
 * Collects items submitted concurrently (a BullMQ worker with concurrency N hands over N jobs at
 * once) and processes them together: one database transaction for many articles instead of one
 * each. Each caller gets its own item's result or error, so a job still succeeds or fails alone.
 */
export function createMicroBatcher<T, R>(
  flush: (items: T[]) => Promise<(R | Error)[]>,
  opts: { maxSize: number; maxWaitMs: number },
): { submit(item: T): Promise<R> } {
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  const run = async () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    try {
      const results = await flush(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const r = results[i];
        if (r instanceof Error) b.reject(r);
        else b.resolve(r as R);
      });
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= opts.maxSize) void run();
        else timer ??= setTimeout(() => void run(), opts.maxWaitMs);
      });
    },
  };
}
