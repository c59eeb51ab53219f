import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Queue } from '../queue/index.js';

type ServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

/**
 * bull-board's queue dashboard for these queues, to mount at `basePath`. Read-only (the default)
 * shows jobs and failures but cannot retry, promote or delete them: what a reader gets; the
 * dashboard gives the writable one to an admin credential only.
 */
export function queueBoard(queues: Queue[], basePath: string, opts: { readOnly?: boolean } = {}): Hono {
  const readOnlyMode = opts.readOnly ?? true;
  const adapter = new HonoAdapter(serveStatic);
  adapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode })),
    // @bull-board/hono pins its own copy of @bull-board/api (9.10.1 beside our 9.10.2): the same
    // interface, declared twice, which TypeScript will not equate.
    serverAdapter: adapter as unknown as ServerAdapter,
    options: { uiConfig: { boardTitle: 'stancewatch queues' } },
  });
  const board = new Hono();
  board.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    // bull-board's page links a web font from Google: offline it fails (a console error), online
    // it tells a third party who reads the dashboard. Without it the UI uses system fonts.
    const page = (await c.res.text()).replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, '');
    c.res = new Response(page, { status: c.res.status, headers: c.res.headers });
  });
  board.route('/', adapter.registerPlugin());
  return board;
}
