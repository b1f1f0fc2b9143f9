/**
 * Request bodies checked against Discord's own OpenAPI description (the cut in spec/), so the fake refuses what
 * Discord would refuse as an invalid form body instead of taking anything. A small JSON Schema 2020-12 checker
 * for the keywords that description uses; `format` is not checked.
 */
import { readFileSync } from 'node:fs';
import type { Json } from './types.js';

const SPEC: Json = JSON.parse(
  readFileSync(new URL('./spec/discord-messages.openapi.json', import.meta.url), 'utf8'),
);

export interface SpecOperation {
  template: string;
  operationId: string;
  deprecated: boolean;
  requestBody?: Json;
}

/** The described operation for a method and a concrete path ('/channels/1/messages'), or null. */
export function operationFor(method: string, path: string): SpecOperation | null {
  const segments = path.split('/').filter(Boolean);
  for (const [template, ops] of Object.entries(SPEC.paths as Record<string, Json>)) {
    const parts = template.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    if (!parts.every((p, i) => /^\{.+\}$/.test(p) || p === segments[i])) continue;
    const op = ops[method.toLowerCase()];
    if (!op) continue;
    return {
      template,
      operationId: op.operationId,
      deprecated: op.deprecated === true,
      ...(op.requestBody ? { requestBody: op.requestBody } : {}),
    };
  }
  return null;
}

/** What is wrong with a request body for this operation, one line each; empty when Discord would take it. */
export function bodyProblems(method: string, path: string, body: Json): string[] {
  const op = operationFor(method, path);
  if (!op) return [`${method} ${path} is not an operation Discord describes`];
  if (!op.requestBody) return body === null || body === undefined ? [] : [`${op.operationId} takes no body`];
  const out: string[] = [];
  check(op.requestBody, body, '', out);
  return out;
}

const resolve = (ref: string): Json => SPEC.components.schemas[ref.split('/').at(-1)!];

function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const typeMatches = (want: string, got: string) => want === got || (want === 'number' && got === 'integer');
const length = (s: string) => Array.from(s).length;

function check(s: Json, v: Json, at: string, out: string[]): void {
  if (s.$ref) {
    check(resolve(s.$ref), v, at, out);
    return;
  }
  const where = at || '(body)';
  if (s.type !== undefined) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => typeMatches(t, typeOf(v)))) {
      out.push(`${where}: ${typeOf(v)} where ${types.join(' or ')} is expected`);
      return;
    }
  }
  if (s.enum && !s.enum.some((e: Json) => e === v))
    out.push(`${where}: ${JSON.stringify(v)} is not one of ${s.enum}`);
  if ('const' in s && s.const !== v) out.push(`${where}: must be ${JSON.stringify(s.const)}`);
  for (const sub of s.allOf ?? []) check(sub, v, at, out);
  if (s.anyOf && !s.anyOf.some((sub: Json) => passes(sub, v))) out.push(`${where}: matches none of anyOf`);
  if (s.oneOf) {
    const n = s.oneOf.filter((sub: Json) => passes(sub, v)).length;
    if (n !== 1) out.push(`${where}: matches ${n} of oneOf (exactly one expected)`);
  }
  if (typeof v === 'string') {
    if (s.maxLength !== undefined && length(v) > s.maxLength)
      out.push(`${where}: longer than ${s.maxLength}`);
    if (s.minLength !== undefined && length(v) < s.minLength)
      out.push(`${where}: shorter than ${s.minLength}`);
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) out.push(`${where}: does not match ${s.pattern}`);
  }
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) out.push(`${where}: below ${s.minimum}`);
    if (s.maximum !== undefined && v > s.maximum) out.push(`${where}: above ${s.maximum}`);
  }
  if (Array.isArray(v)) {
    if (s.maxItems !== undefined && v.length > s.maxItems)
      out.push(`${where}: more than ${s.maxItems} items`);
    if (s.minItems !== undefined && v.length < s.minItems)
      out.push(`${where}: fewer than ${s.minItems} items`);
    if (s.uniqueItems && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) {
      out.push(`${where}: items repeat`);
    }
    if (s.items) for (const [i, x] of v.entries()) check(s.items, x, `${at}[${i}]`, out);
  }
  if (typeOf(v) === 'object') {
    const keys = Object.keys(v);
    for (const r of s.required ?? []) if (!(r in v)) out.push(`${where}: ${r} is required`);
    if (s.maxProperties !== undefined && keys.length > s.maxProperties)
      out.push(`${where}: too many properties`);
    if (s.minProperties !== undefined && keys.length < s.minProperties)
      out.push(`${where}: too few properties`);
    for (const k of keys) {
      const prop = s.properties?.[k];
      if (prop) check(prop, v[k], `${at}.${k}`, out);
      else if (s.additionalProperties === false) out.push(`${where}: ${k} is not a known field`);
      else if (typeof s.additionalProperties === 'object')
        check(s.additionalProperties, v[k], `${at}.${k}`, out);
    }
  }
}

function passes(s: Json, v: Json): boolean {
  const out: string[] = [];
  check(s, v, '', out);
  return out.length === 0;
}
