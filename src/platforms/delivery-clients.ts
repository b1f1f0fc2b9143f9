import { type WebClient, WebClientEvent } from '@slack/web-api';
import { type REST, RESTEvents } from 'discord.js';
import type { Platform } from '../domain/types.js';

/** Called when a platform answered 429: the queue pauses every worker of that platform for `ms`. */
export type TooManyRequests = (platform: Platform, ms: number) => void;

/**
 * Report Discord's 429s. @discordjs/rest waits one out and retries the request itself (nothing is dropped); this
 * tells the queue too, so every worker, in every process, stops taking new jobs for as long.
 */
export function watchDiscord429(rest: REST, onLimited: TooManyRequests): void {
  rest.on(RESTEvents.Response, (_req, res) => {
    if (res.status !== 429) return;
    const after = Number.parseFloat(res.headers.get('retry-after') ?? '');
    onLimited('discord', Number.isFinite(after) && after > 0 ? Math.ceil(after * 1000) : 1_000);
  });
}

/** The same for Slack: the WebClient waits out Retry-After and retries; the queue pauses the other workers. */
export function watchSlack429(client: WebClient, onLimited: TooManyRequests): void {
  client.on(WebClientEvent.RATE_LIMITED, (retrySec: number) => {
    onLimited('slack', Math.max(1, retrySec) * 1000);
  });
}
