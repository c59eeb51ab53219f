import { sql } from 'drizzle-orm';
import type { Actor, Outlet } from '../../config/index.js';
import type { Db } from '../client.js';
import { actors, feeds, outlets } from '../schema/index.js';

/** Upserts the configured outlets, their feeds and the actors, so rows can reference them. */
export async function syncConfig(db: Db, cfg: { outlets: Outlet[]; actors: Actor[] }): Promise<void> {
  await db.transaction(async (tx) => {
    for (const o of cfg.outlets) {
      await tx
        .insert(outlets)
        .values({ id: o.id, name: o.name, homepage: o.homepage })
        .onConflictDoUpdate({
          target: outlets.id,
          set: { name: o.name, homepage: o.homepage, updatedAt: sql`now()` },
        });
      for (const url of o.feeds) {
        await tx.insert(feeds).values({ outletId: o.id, url, kind: 'feed' }).onConflictDoNothing();
      }
      for (const url of o.sitemaps ?? []) {
        await tx.insert(feeds).values({ outletId: o.id, url, kind: 'sitemap' }).onConflictDoNothing();
      }
    }
    for (const a of cfg.actors) {
      const row = {
        name: a.name,
        kind: a.kind,
        aliases: a.aliases,
        demonyms: a.demonyms,
        affiliation: a.affiliation ?? null,
      };
      await tx
        .insert(actors)
        .values({ id: a.id, ...row })
        .onConflictDoUpdate({ target: actors.id, set: { ...row, updatedAt: sql`now()` } });
    }
  });
}
