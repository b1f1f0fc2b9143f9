/**
 * The private pages under load, with autocannon: the check-in page (GET of a link), the check-in submit (POST,
 * each with its own unused link, session cookie and CSRF token), and a bare hello-world route mounted on the same
 * Express app as the baseline. The server runs in a child process (bench/web-server.ts) so that autocannon and
 * the app do not share one event loop; both are on this machine, so the figures are a floor, not a ceiling.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { reflectionOf } from './checkins.js';
import { int, ms, perSec, type Row, ratio } from './report.js';
import { round } from './stats.js';
import type { PoolEntry, ToChild, ToParent } from './web-server.js';

export interface WebOptions {
  connections: number;
  durationSeconds: number;
  /** Untimed requests first, so the JIT and SQLite's page cache are warm. */
  warmupRequests: number;
  /** POSTs prepared: more than the timed run can use, so none reuses a link. */
  postPool: number;
  reflectionChars: number;
}

export interface EndpointFigures {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** hello-world's requests/s ÷ this endpoint's: how many times slower. */
  slowerThanHello: number;
  /** This endpoint's p99 ÷ hello-world's p99. */
  p99VsHello: number;
}

export interface WebFigures {
  connections: number;
  durationSeconds: number;
  warmupRequests: number;
  postPool: number;
  reflectionChars: number;
  prepareMs: number;
  hello: EndpointFigures;
  checkinGet: EndpointFigures;
  checkinPost: EndpointFigures;
  /** What the database holds afterwards: every 2xx POST stored one check-in and spent one link. */
  stored: {
    checkins: number;
    linksUsed: number;
    browserSessions: number;
    postsAnswered2xx: number;
    postsSent: number;
  };
}

const SERVER = fileURLToPath(new URL('./web-server.ts', import.meta.url));

interface Child {
  proc: ChildProcess;
  next(type: ToParent['type']): Promise<ToParent>;
  send(m: ToChild): void;
}

/** Start the server child; its messages are awaited by type. */
function startChild(pool: number): Child {
  // The child inherits this process's exec flags, so under `tsx` it runs TypeScript the same way.
  const proc = fork(SERVER, [`--pool=${pool}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const inbox: ToParent[] = [];
  const waiting: { type: ToParent['type']; resolve: (m: ToParent) => void; reject: (e: Error) => void }[] =
    [];
  proc.on('message', (m: ToParent) => {
    const i = waiting.findIndex((w) => w.type === m.type);
    const w = i >= 0 ? waiting.splice(i, 1)[0] : undefined;
    if (w) w.resolve(m);
    else inbox.push(m);
  });
  proc.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`bench: the web server exited (code ${code})`));
  });
  return {
    proc,
    next: (type) =>
      new Promise((resolve, reject) => {
        const i = inbox.findIndex((m) => m.type === type);
        const m = i >= 0 ? inbox.splice(i, 1)[0] : undefined;
        if (m) resolve(m);
        else if (proc.exitCode !== null) reject(new Error('bench: the web server is not running'));
        else waiting.push({ type, resolve, reject });
      }),
    send: (m) => {
      proc.send(m);
    },
  };
}

async function fire(o: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ ...o, timeout: 10 });
}

function figures(
  name: string,
  method: 'GET' | 'POST',
  path: string,
  r: autocannon.Result,
  hello?: EndpointFigures,
): EndpointFigures {
  const requestsPerSecond = r.requests.average;
  return {
    name,
    method,
    path,
    requests: r.requests.total,
    requestsPerSecond,
    latencyMs: { mean: r.latency.mean, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    slowerThanHello: hello ? round(hello.requestsPerSecond / requestsPerSecond, 2) : 1,
    p99VsHello: hello ? round(r.latency.p99 / Math.max(hello.latencyMs.p99, 0.001), 2) : 1,
  };
}

export async function benchWeb(o: WebOptions, say: (msg: string) => void): Promise<WebFigures> {
  say(`web: preparing ${int(o.postPool)} people with an open check-in link each…`);
  const child = startChild(o.postPool);
  try {
    const ready = await child.next('ready');
    if (ready.type !== 'ready') throw new Error('bench: unexpected message');
    const url = `http://127.0.0.1:${ready.port}`;
    const base = { url, connections: o.connections };

    // Each POST body is built before the clock starts: the load generator should spend its time sending.
    const posts = ready.pool.map(
      (s: PoolEntry, i) =>
        [
          `${ready.cookieName}=${s.cookie}`,
          new URLSearchParams([
            ['_csrf', s.csrf],
            ['mood', String(1 + (i % 10))],
            ['sleep', String(1 + (i % 5))],
            ['energy', String(1 + ((i + 2) % 5))],
            ['anxiety', String(1 + ((i + 3) % 5))],
            ['reflection', reflectionOf(i, o.reflectionChars)],
            ['tags', 'exercised'],
            ['tags', 'time-outside'],
          ]).toString(),
        ] as const,
    );
    let nextPost = 0;
    let exhausted = 0;
    const postRequest: autocannon.Request = {
      method: 'POST',
      path: '/checkin',
      setupRequest: (req) => {
        const p = posts[nextPost++];
        if (!p) exhausted++;
        return {
          ...req,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: p?.[0] ?? '' },
          body: p?.[1] ?? '',
        };
      },
    };

    const warm = { ...base, amount: o.warmupRequests };
    say('web: warming up…');
    await fire({ ...warm, url: `${url}/hello` });
    await fire({ ...warm, url: `${url}${ready.getPath}` });
    await fire({
      ...warm,
      amount: Math.min(o.warmupRequests, Math.floor(o.postPool / 10)),
      requests: [postRequest],
    });
    const warmPosts = nextPost;

    const timed = { ...base, duration: o.durationSeconds };
    say(`web: hello-world, ${o.connections} connections × ${o.durationSeconds} s…`);
    const hello = figures('hello world', 'GET', '/hello', await fire({ ...timed, url: `${url}/hello` }));
    say('web: GET check-in page…');
    const get = figures(
      'check-in page',
      'GET',
      '/l/:token',
      await fire({ ...timed, url: `${url}${ready.getPath}` }),
      hello,
    );
    say('web: POST check-in…');
    const postResult = await fire({ ...timed, requests: [postRequest] });
    const post = figures('check-in submit', 'POST', '/checkin', postResult, hello);
    if (exhausted > 0)
      throw new Error(`bench: the POST pool (${o.postPool}) ran out ${exhausted} times; raise postPool`);

    child.send({ type: 'counts' });
    const counts = await child.next('counts');
    if (counts.type !== 'counts') throw new Error('bench: unexpected message');
    // A timed run stops counting at the bell, but requests already sent are still answered (and stored).
    const postsAnswered2xx = warmPosts + postResult['2xx'];
    const postsSent = nextPost;
    if (post.non2xx > 0 || post.errors > 0)
      throw new Error(
        `bench: ${post.non2xx} POSTs were refused and ${post.errors} failed; every one should save`,
      );
    if (
      counts.checkins !== counts.linksUsed ||
      counts.checkins < postsAnswered2xx ||
      counts.checkins > postsSent
    )
      throw new Error(
        `bench: ${postsAnswered2xx}–${postsSent} POSTs should be stored, but ${counts.checkins} check-ins and ${counts.linksUsed} used links are`,
      );
    return {
      connections: o.connections,
      durationSeconds: o.durationSeconds,
      warmupRequests: o.warmupRequests,
      postPool: o.postPool,
      reflectionChars: o.reflectionChars,
      prepareMs: ready.seedMs,
      hello,
      checkinGet: get,
      checkinPost: post,
      stored: {
        checkins: counts.checkins,
        linksUsed: counts.linksUsed,
        browserSessions: counts.browserSessions,
        postsAnswered2xx,
        postsSent,
      },
    };
  } finally {
    if (child.proc.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.proc.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      await exited;
    }
  }
}

const endpointRows = (f: EndpointFigures): Row[] => [
  [`${f.name} (${f.method} ${f.path})`, perSec(f.requestsPerSecond, 'requests')],
  [
    '  latency mean / p50 / p99 / max',
    `${ms(f.latencyMs.mean, 2)} / ${[f.latencyMs.p50, f.latencyMs.p99, f.latencyMs.max].map((v) => ms(v, 0)).join(' / ')}`,
  ],
  ...(f.name === 'hello world'
    ? []
    : ([
        [
          '  against hello-world',
          `${ratio(f.slowerThanHello)} fewer requests/s (${Math.round(100 / f.slowerThanHello)} % of its rate); p99 ${ratio(f.p99VsHello)}`,
        ],
      ] as Row[])),
  [
    '  requests / non-2xx / errors / timeouts',
    `${int(f.requests)} / ${int(f.non2xx)} / ${int(f.errors)} / ${int(f.timeouts)}`,
  ],
];

export function webRows(f: WebFigures): Row[] {
  return [
    [
      'load',
      `autocannon, ${f.connections} connections, ${f.durationSeconds} s each, after ${int(f.warmupRequests)} warm-up requests`,
    ],
    ['server', 'child process: createWebApp + startWebServer on 127.0.0.1:0, real SQLite file, real key'],
    ['baseline', 'GET /hello mounted on the same app (same helmet, no-store and request-log middleware)'],
    ['prepared', `${int(f.postPool)} people, each with a link, prompt and session (${ms(f.prepareMs, 0)})`],
    ...endpointRows(f.hello),
    ...endpointRows(f.checkinGet),
    ...endpointRows(f.checkinPost),
    [
      'stored after the run',
      `${int(f.stored.checkins)} check-ins = links used (${int(f.stored.postsAnswered2xx)} POSTs counted 2xx, ${int(f.stored.postsSent)} sent incl. warm-up and in flight at the bell), ${int(f.stored.browserSessions)} sessions`,
    ],
    [
      'note',
      'each GET opens a session (one INSERT); each POST writes check-in + link + schedule in one transaction',
    ],
    [
      'note',
      `POST bodies carry a ${f.reflectionChars}-character reflection (sealed with AES-256-GCM) and 2 tags`,
    ],
  ];
}
