import { Hono, type Context } from 'hono';
import { ZodError } from 'zod';
import { alignFrames, alignTrends, dayToUnix } from '../analytics/index.js';
import {
  actorsWithData,
  alertMarkers,
  articleEvidence,
  articlesAbout,
  frameShares,
  listOutlets,
  stanceTrend,
  topSources,
  type AnalystFilter,
  type Db,
} from '../store/index.js';
import { parseDashboardQuery, type DashboardFilter } from './filters.js';

/** The store's filter for a dashboard filter (the interval and limit travel separately). */
export function storeFilter(f: DashboardFilter): AnalystFilter {
  return {
    ...(f.actorId !== undefined ? { actorId: f.actorId } : {}),
    ...(f.outletIds !== undefined ? { outletIds: f.outletIds } : {}),
    ...(f.from !== undefined ? { from: f.from } : {}),
    ...(f.to !== undefined ? { to: f.to } : {}),
  };
}

/** Filters of a request, with the busiest actor when none is asked for. */
export async function requestFilter(db: Db, c: Context): Promise<DashboardFilter> {
  const f = parseDashboardQuery(c.req.queries());
  if (f.actorId !== undefined) return f;
  const first = (await actorsWithData(db))[0];
  return first ? { ...f, actorId: first.id } : f;
}

/** Trend lines (mean and interval per outlet) with the actor's alerts placed on the same axis. */
async function trends(db: Db, f: DashboardFilter) {
  const rows = await stanceTrend(db, { ...storeFilter(f), interval: f.interval });
  const aligned = alignTrends(rows);
  const alerts = (await alertMarkers(db, storeFilter(f))).map((a) => ({
    ...a,
    x: dayToUnix(a.changeAt),
  }));
  return { actorId: f.actorId ?? null, interval: f.interval, ...aligned, alerts };
}

async function frames(db: Db, f: DashboardFilter) {
  const sf = storeFilter(f);
  const [rows, totals] = await Promise.all([
    frameShares(db, { ...sf, interval: f.interval }),
    stanceTrend(db, { ...sf, interval: f.interval }),
  ]);
  return { actorId: f.actorId ?? null, interval: f.interval, ...alignFrames(rows, totals) };
}

/**
 * The dashboard's JSON API, one route per panel. Every route takes the same filters (actor,
 * outlet (repeatable), from, to, interval); bad filters get a 400 naming them.
 */
export function apiRoutes(db: Db): Hono {
  const api = new Hono();
  api.onError((err, c) => {
    if (err instanceof ZodError) {
      return c.json({ error: 'bad filter', issues: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    }
    throw err;
  });
  api.get('/meta', async (c) => c.json({ actors: await actorsWithData(db), outlets: await listOutlets(db) }));
  api.get('/trends', async (c) => c.json(await trends(db, await requestFilter(db, c))));
  api.get('/frames', async (c) => c.json(await frames(db, await requestFilter(db, c))));
  api.get('/sources', async (c) => {
    const f = await requestFilter(db, c);
    return c.json(await topSources(db, { ...storeFilter(f), limit: f.limit ?? 15 }));
  });
  api.get('/alerts', async (c) => c.json(await alertMarkers(db, storeFilter(await requestFilter(db, c)))));
  api.get('/articles', async (c) => {
    const f = await requestFilter(db, c);
    return c.json(await articlesAbout(db, { ...storeFilter(f), limit: f.limit ?? 30 }));
  });
  api.get('/article/:id', async (c) => {
    const a = await articleEvidence(db, c.req.param('id'));
    return a ? c.json(a) : c.json({ error: 'no such article' }, 404);
  });
  return api;
}
