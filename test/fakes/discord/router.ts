/**
 * Route table plumbing shared by rest-routes.ts and interaction-routes.ts.
 */
import type { FakeStore, Payload } from './store.js';
import type { Json } from './types.js';

export interface RouteCtx {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  payload: Payload;
  store: FakeStore;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  gatewayUrl: string;
}

export interface RouteResult {
  status: number;
  body?: Json;
}

export interface Route {
  method: string;
  /** e.g. '/channels/:channel/messages'; ':x' captures one segment. */
  pattern: string;
  /** Bot token required (interaction callbacks and webhooks authenticate with their token instead). */
  auth: boolean;
  /** Exempt from the global bucket and from storms, like Discord's interaction endpoints. */
  interaction?: boolean;
  /** Which params make up the major parameter of the route bucket. */
  major?: string[];
  handle(ctx: RouteCtx): RouteResult;
}

export function discordError(status: number, code: number, message: string, errors?: Json): RouteResult {
  return { status, body: { code, message, ...(errors ? { errors } : {}) } };
}

export const NOT_FOUND = discordError(404, 0, '404: Not Found');

/** The rate-limit name of a route: 'POST /channels/:id/messages' (every capture spelled like Discord's docs). */
export function routeName(r: Route): string {
  const path = r.pattern.replace(/:(?!token\b)\w+/g, ':id');
  return `${r.method} ${path}`;
}

export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!;
      const s = decodeURIComponent(segments[i]!);
      if (p.startsWith(':')) params[p.slice(1)] = s;
      else ok = p === s;
    }
    if (ok) return { route, params };
  }
  return null;
}
