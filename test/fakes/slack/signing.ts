/**
 * Slack's request signing (v0 HMAC-SHA256 over `v0:{timestamp}:{rawBody}`) and the signed form POST the HTTP
 * injectors make.
 */
import { createHmac } from 'node:crypto';
import type { Json, Signing } from './types.js';

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** X-Slack-Request-Timestamp / X-Slack-Signature as asked for by the signing knobs. */
export function signingHeaders(secret: string, body: string, s: Signing = {}): Record<string, string> {
  const mode = s.sign ?? 'valid';
  if (mode === 'missing') return {};
  const ts = s.timestamp ?? Math.floor(Date.now() / 1000);
  const key = mode === 'bad' ? `${secret}-but-wrong` : secret;
  return { 'X-Slack-Request-Timestamp': String(ts), 'X-Slack-Signature': signature(key, ts, body) };
}

export interface PostResult {
  status: number;
  body: Json;
  ackMs: number;
}

/**
 * POSTs an application/x-www-form-urlencoded body exactly as Slack does (Bolt parses forms only when the
 * Content-Type is exactly that, without a charset) and reads the whole answer.
 */
export async function postSigned(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<PostResult> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      Accept: 'application/json,*/*',
      ...headers,
    },
    body,
  });
  const text = await res.text();
  const ackMs = performance.now() - started;
  let parsed: Json = text;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, body: parsed, ackMs };
}
