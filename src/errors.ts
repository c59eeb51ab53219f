/**
 * An error that no retry can fix (malformed payload, missing article, 404). The queue layer turns
 * it into BullMQ's UnrecoverableError so the job goes straight to the failed set with its reason.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}

/** A configuration problem: the process reports every issue and exits non-zero before doing work. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Message of an unknown thrown value, with its cause chain, for failure records and logs. */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  let cur: unknown = err;
  for (let depth = 0; cur !== undefined && cur !== null && depth < 5; depth++) {
    parts.push(cur instanceof Error ? cur.message : String(cur));
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return parts.join(': ');
}
