import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'an id: letters, digits, - and _');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day like 2026-08-03').refine((d) => !Number.isNaN(Date.parse(d)), 'a real date');

/** The dashboard's filters as they arrive in a query string (every field optional). */
export const dashboardQuerySchema = z.object({
  actor: id.optional(),
  outlet: z.array(id).optional(),
  from: day.optional(),
  to: day.optional(),
  interval: z.enum(['day', 'week', 'month']).default('week'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export interface DashboardFilter {
  actorId?: string;
  /** Undefined means every outlet. */
  outletIds?: string[];
  from?: string;
  to?: string;
  interval: 'day' | 'week' | 'month';
  limit?: number;
}

/**
 * Parses filters from query parameters; `outlet` may repeat or hold a comma list, empty values
 * mean "not set". Throws a ZodError naming each bad parameter.
 */
export function parseDashboardQuery(params: Record<string, string[]>): DashboardFilter {
  const one = (k: string) => params[k]?.find((v) => v !== '');
  const outlets = params.outlet?.flatMap((v) => v.split(',')).filter((v) => v !== '');
  const q = dashboardQuerySchema.parse({
    actor: one('actor'),
    outlet: outlets && outlets.length > 0 ? outlets : undefined,
    from: one('from'),
    to: one('to'),
    interval: one('interval'),
    limit: one('limit'),
  });
  return {
    ...(q.actor !== undefined ? { actorId: q.actor } : {}),
    ...(q.outlet !== undefined ? { outletIds: q.outlet } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
    interval: q.interval,
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
  };
}
