/** `--since DAY` as the start of that day in UTC; undefined when the flag is absent. */
export function sinceDay(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime())) {
    throw new Error(`--since must be a day like 2026-08-03 (got "${value}")`);
  }
  return at;
}
