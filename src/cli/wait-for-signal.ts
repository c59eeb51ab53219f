/** Resolves on the first SIGINT or SIGTERM, so a long-running command can shut down cleanly. */
export function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (sig: NodeJS.Signals) => {
      resolve(sig);
      // Stay a listener until this signal has reached every other one: libraries that use
      // signal-exit (Crawlee's dependencies do) re-raise a signal that, when they see it, has no
      // listener besides theirs, and the process would die by it instead of shutting down.
      // Crawlee is imported on first crawl, so its listener may come after ours.
      setImmediate(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
