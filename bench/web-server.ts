/**
 * The web benchmark's server, run as a child process by bench/web.ts so the load generator has its own CPU: the
 * real Express app (createWebApp + startWebServer on 127.0.0.1:0) over a real SQLite file with a real key, plus
 * a bare hello-world route mounted on the same app as the baseline.
 *
 * Before it says it is ready, it prepares what the POSTs need: one participant per POST, each with a check-in
 * link, the day's prompt already chosen and a browser session (cookie + CSRF token), exactly as if each person
 * had opened their link — so the timed POST is the submit alone.
 */

import { issueLink, openBrowserSession } from '../src/app/links.js';
import { HOUR } from '../src/domain/types.js';
import { checkinForm } from '../src/features/check-in/checkin.js';
import { sessionCookieName } from '../src/web/cookies.js';
import { createWebApp, startWebServer } from '../src/web/server.js';
import { openWorld, type Population, seedParticipants } from './fixture.js';

/** Monday 15 June 2026, 18:00 UTC: evening in Europe, daytime in the Americas; no zone changes clocks near it. */
const WEB_BENCH_AT = Date.UTC(2026, 5, 15, 18, 0, 0);

export interface PoolEntry {
  cookie: string;
  csrf: string;
}

export type ToParent =
  | { type: 'ready'; port: number; cookieName: string; getPath: string; pool: PoolEntry[]; seedMs: number }
  | { type: 'counts'; checkins: number; browserSessions: number; linksUsed: number };

export type ToChild = { type: 'counts' } | { type: 'stop' };

const send = (m: ToParent): void => {
  process.send?.(m);
};

async function main(): Promise<void> {
  const poolArg = process.argv.find((a) => a.startsWith('--pool='));
  const poolSize = Number(poolArg?.slice('--pool='.length) ?? '1000');
  const world = openWorld();
  const { deps, store } = world;
  const population: Population = {
    busyAt: WEB_BENCH_AT + 2 * HOUR,
    seedAt: WEB_BENCH_AT - HOUR,
    clearMinutes: 5,
    busyEvery: 10,
  };
  const t0 = performance.now();
  // One extra person: the one whose link the GET benchmark reopens.
  seedParticipants(world, population, 0, poolSize + 1);
  const pool: PoolEntry[] = [];
  let getPath = '';
  store.transaction(() => {
    for (let id = 1; id <= poolSize + 1; id++) {
      const p = store.participants.get(id);
      if (!p) throw new Error(`bench: no participant ${id}`);
      const { localDate } = checkinForm(deps, p, WEB_BENCH_AT);
      const subject = { spaceId: p.spaceId, userId: p.userId, participantId: p.id };
      const { url, link } = issueLink(deps, subject, 'checkin', WEB_BENCH_AT, localDate);
      if (id === poolSize + 1) {
        getPath = new URL(url).pathname;
        continue;
      }
      const { cookie, session } = openBrowserSession(deps, link, WEB_BENCH_AT);
      pool.push({ cookie, csrf: session.csrfToken });
    }
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const seedMs = performance.now() - t0;

  const app = createWebApp({
    deps,
    clock: { now: () => WEB_BENCH_AT },
    // The bench is one address sending thousands of requests a second: lift the per-address limit out of the way.
    rateLimitPerMinute: 1_000_000_000,
    mount: (a) => {
      a.get('/hello', (_req, res) => {
        res.type('text/plain').send('hello world');
      });
    },
  });
  const { server, port } = await startWebServer(app, '127.0.0.1', 0);
  deps.settings.publicUrl = `http://127.0.0.1:${port}`;
  const cookieName = sessionCookieName(false);
  send({ type: 'ready', port, cookieName, getPath, pool, seedMs });

  const count = (sql: string): number => store.db.prepare<[], number>(sql).pluck().get() ?? 0;
  process.on('message', (m: ToChild) => {
    if (m.type === 'counts') {
      send({
        type: 'counts',
        checkins: count('SELECT COUNT(*) FROM checkins'),
        browserSessions: count('SELECT COUNT(*) FROM web_sessions'),
        linksUsed: count('SELECT COUNT(*) FROM links WHERE used_at IS NOT NULL'),
      });
    } else if (m.type === 'stop') {
      server.close(() => {
        world.cleanup();
        process.exit(0);
      });
      server.closeAllConnections();
    }
  });
  // If the parent dies, do not linger holding the port and the temp dir.
  process.on('disconnect', () => {
    world.cleanup();
    process.exit(0);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
