/**
 * What protects a private link, over real HTTP against the real Express app and a real SQLite file: the response
 * headers, the session cookie, tokens stored only as hashes, a request log without tokens, and the rate limit.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import { hashToken, linkFor } from '../../src/app/links.js';
import type { Participant } from '../../src/domain/entities.js';
import { createWebApp, startWebServer, type WebOptions } from '../../src/web/server.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const LONDON = 'Europe/London';
const TODAY = '2026-03-02';

let h: AppHarness;
let alex: Participant;
const servers: Server[] = [];

beforeEach(() => {
  h = new AppHarness();
  h.now = at(LONDON, `${TODAY}T19:00`);
  alex = h.enrolDirect(h.actor('alex'), LONDON, '20:00');
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await h.close();
});

/** The real app on 127.0.0.1:0. Links point at it unless `deps` carries its own public URL. */
async function serve(o: Partial<WebOptions> = {}): Promise<string> {
  const deps = o.deps ?? h.deps;
  const { server, port } = await startWebServer(
    createWebApp({ clock: { now: () => h.now }, ...o, deps }),
    '127.0.0.1',
    0,
  );
  servers.push(server);
  const base = `http://127.0.0.1:${port}`;
  if (!o.deps) h.deps.settings.publicUrl = base;
  return base;
}

/** A fresh check-in link's token, reachable at `${base}/l/${token}`. */
const newToken = (deps: AppDeps = h.deps): string => {
  const url = linkFor(deps, alex, 'checkin', h.now, TODAY);
  return url.slice(url.indexOf('/l/') + 3);
};

/** The directives of a Content-Security-Policy header, by name. */
const cspOf = (header: string | null): Map<string, string[]> =>
  new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values]),
  );

describe('response headers', () => {
  it('every page: a CSP that allows no script and no framing, nosniff, no referrer, no caching', async () => {
    const base = await serve();
    const token = newToken();
    const form = await fetch(`${base}/l/${token}`);
    expect(form.status).toBe(200);
    const pages = [
      form,
      await fetch(`${base}/l/${token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`), // refused: 404
      await fetch(`${base}/checkin`, { method: 'POST' }), // refused: 403
      await fetch(`${base}/nowhere`), // not found
    ];
    expect(pages.map((r) => r.status)).toEqual([200, 404, 403, 404]);
    for (const r of pages) {
      const csp = cspOf(r.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      // No script-src at all: scripts fall back to default-src 'none'. Nothing else may let script in either.
      expect(csp.has('script-src')).toBe(false);
      expect(csp.has('script-src-elem')).toBe(false);
      expect(csp.has('script-src-attr')).toBe(false);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(r.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(r.headers.get('x-powered-by')).toBeNull();
      expect(r.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    }
    // The stylesheet is ours and holds nothing private: it may be cached.
    const css = await fetch(`${base}/assets/interlude.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('the session cookie', () => {
  it('over http: HttpOnly, SameSite=Strict, Path=/, no Domain, lasting as long as the link', async () => {
    const base = await serve();
    const r = await fetch(`${base}/l/${newToken()}`);
    const cookies = r.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const [pair, ...attrs] = (cookies[0] ?? '').split('; ');
    expect(pair).toMatch(/^interlude_session=[A-Za-z0-9_-]{43}$/);
    expect(attrs).toEqual(['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${36 * 3600}`]);
  });

  it('with an https public URL: Secure and the __Host- prefix', async () => {
    const deps: AppDeps = {
      ...h.deps,
      settings: { ...h.deps.settings, publicUrl: 'https://interlude.clinic.example' },
    };
    const base = await serve({ deps });
    const url = linkFor(deps, alex, 'checkin', h.now, TODAY);
    expect(url.startsWith('https://interlude.clinic.example/l/')).toBe(true);
    // Behind a TLS-terminating proxy on this machine, the app itself is reached over plain http.
    const r = await fetch(url.replace('https://interlude.clinic.example', base));
    expect(r.status).toBe(200);
    const [pair, ...attrs] = (r.headers.getSetCookie()[0] ?? '').split('; ');
    expect(pair).toMatch(/^__Host-interlude=[A-Za-z0-9_-]{43}$/);
    expect(attrs).toEqual(['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${36 * 3600}`, 'Secure']);
    expect(attrs.some((a) => a.startsWith('Domain'))).toBe(false);

    // The form posts back with that cookie name, and the plain-http name is not accepted by this app.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await r.text())?.[1] ?? '';
    const value = pair?.split('=')[1] ?? '';
    const body = `_csrf=${csrf}&mood=6&sleep=3&energy=3&anxiety=2`;
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const wrongName = await fetch(`${base}/checkin`, {
      method: 'POST',
      headers: { ...headers, cookie: `interlude_session=${value}` },
      body,
    });
    expect(wrongName.status).toBe(403);
    const ok = await fetch(`${base}/checkin`, {
      method: 'POST',
      headers: { ...headers, cookie: pair ?? '' },
      body,
    });
    expect(ok.status).toBe(200);
    expect(h.store.checkins.all(alex.id).map((c) => c.mood)).toEqual([6]);
  });
});

describe('tokens at rest and in logs', () => {
  it('stores only hashes: the raw token and cookie are in no row and nowhere in the database files', async () => {
    const base = await serve();
    const token = newToken();
    const r = await fetch(`${base}/l/${token}`);
    const cookie = (r.headers.getSetCookie()[0] ?? '').split(';')[0]?.split('=')[1] ?? '';
    expect(cookie.length).toBeGreaterThan(40);

    const rows = h.store.db.prepare('SELECT * FROM links').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toEqual(hashToken(token));
    const sessions = h.store.db.prepare('SELECT * FROM web_sessions').all() as Record<string, unknown>[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash).toEqual(hashToken(cookie));
    for (const row of [...rows, ...sessions]) {
      for (const v of Object.values(row)) {
        const s = Buffer.isBuffer(v) ? v.toString('latin1') : String(v);
        expect(s).not.toContain(token);
        expect(s).not.toContain(cookie);
      }
    }

    // The file itself, before and after the WAL is folded in: neither the token, its random half, nor the cookie.
    const random = token.split('.')[0] ?? '';
    expect(random.length).toBeGreaterThanOrEqual(20);
    const files = () =>
      [h.t.file, `${h.t.file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    for (const phase of ['live', 'checkpointed']) {
      if (phase === 'checkpointed') h.store.db.pragma('wal_checkpoint(TRUNCATE)');
      const bytes = files();
      expect(bytes.length).toBeGreaterThan(0);
      for (const b of bytes) {
        expect(b).not.toContain(random);
        expect(b).not.toContain(cookie);
      }
    }
  });

  it('the request log shows /l/[redacted], never the token, whatever the outcome', async () => {
    const base = await serve();
    const token = newToken();
    const altered = `${token.slice(0, -2)}xx`;
    const unsigned = 'A'.repeat(24);
    expect((await fetch(`${base}/l/${token}`)).status).toBe(200);
    expect((await fetch(`${base}/l/${token}?utm=1`)).status).toBe(200);
    expect((await fetch(`${base}/l/${altered}`)).status).toBe(404);
    expect((await fetch(`${base}/l/${unsigned}/more`)).status).toBe(404);

    // The log line is written when the response finishes, which may be just after fetch resolves.
    await expect.poll(() => h.log.entries.filter((e) => e.msg === 'http').length).toBe(4);
    const http = h.log.entries.filter((e) => e.msg === 'http');
    expect(http.map((e) => [e.level, e.obj])).toEqual([
      ['debug', { method: 'GET', path: '/l/[redacted]', status: 200, ms: expect.any(Number) }],
      ['debug', { method: 'GET', path: '/l/[redacted]', status: 200, ms: expect.any(Number) }],
      ['debug', { method: 'GET', path: '/l/[redacted]', status: 404, ms: expect.any(Number) }],
      ['debug', { method: 'GET', path: '/l/[redacted]/more', status: 404, ms: expect.any(Number) }],
    ]);
    const everything = JSON.stringify(h.log.entries);
    for (const secret of [token, token.split('.')[0] ?? token, altered, unsigned, 'utm']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('rate limit', () => {
  it('past the configured requests a minute from one address, a kind 429 that opens nothing', async () => {
    const base = await serve({ rateLimitPerMinute: 3 });
    const token = newToken();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${base}/l/${token}`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const before = h.rowCounts();

    const limited = await fetch(`${base}/l/${token}`);
    expect(limited.status).toBe(429);
    const body = await limited.text();
    expect(body).toContain('<h1>Slow down a little</h1>');
    expect(body).toContain('Please wait a minute and try again.');
    expect(limited.headers.getSetCookie()).toEqual([]);
    expect(limited.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // The form endpoint shares the budget: a guesser cannot switch to posting.
    expect((await fetch(`${base}/checkin`, { method: 'POST' })).status).toBe(429);
    expect(h.rowCounts()).toEqual(before);
    // Pages that are not links are not limited.
    expect((await fetch(`${base}/assets/interlude.css`)).status).toBe(200);
  });
});
