import { App, type Logger as BoltLogger, ExpressReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { KnownBlock, View, WebClient } from '@slack/web-api';
import type { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import type { Routes } from '../../app/feature.js';
import { handleInbound, type Inbound } from '../../app/inbound.js';
import { isOwnDm } from '../../app/participants.js';
import { type Registry, replyForError } from '../../app/run-command.js';
import { ConfigError } from '../../config.js';
import { isUserError } from '../../errors.js';
import { DEFER_AFTER_MS, LATE, withDeadline } from '../../lib/deadline.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { Attachment, FormRequest, OutMessage } from '../../views/message.js';
import { parseCommandLine } from '../parse-line.js';
import { callerOf, type SlackWho } from './actor-of.js';
import { answersFrom, CHECKIN_CALLBACK, checkinView, fieldErrors, parseMetadata } from './checkin-view.js';
import { plainIds, unescapeSlack } from './mentions.js';
import { renderSlack, type SlackPayload } from './render.js';
import { SlackRoles } from './roles.js';
import { TOKEN_REFUSED } from './slack-errors.js';
import { slackCommandNames, slackify } from './slack-text.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack's v2 upload (get an upload URL, send the bytes, complete), into the person's DM with the bot. */
async function uploadFiles(client: WebClient, userId: string, files: readonly Attachment[]): Promise<void> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  await client.filesUploadV2({
    channel_id: channel,
    initial_comment: 'Your Interlude export',
    file_uploads: files.map((f) => ({
      file: Buffer.from(f.data, 'utf8'),
      filename: f.filename,
      title: f.filename,
    })),
  });
}
export const SLASH_COMMAND = '/interlude';

export interface SlackConnection {
  botToken: string;
  signingSecret: string | null;
  /** Set: Socket Mode. */
  appToken: string | null;
  apiUrl: string;
}

export interface SlackContext {
  deps: AppDeps;
  registry: Registry;
  routes: Routes;
  clock: Clock;
  log: Logger;
}

export interface SlackBot {
  app: App;
  client: WebClient;
  /** HTTP mode: the route to mount on the web server (POST /slack/events). Null in Socket Mode. */
  router: Router | null;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Bolt's log lines go to our logger; tokens never reach it (Bolt does not log them). */
function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line =
    (l: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) =>
      log[l]({ platform: 'slack' }, msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' '));
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

const blocks = (p: SlackPayload) => p.blocks as KnownBlock[];

/**
 * The WebClient already waits out a 429's Retry-After; its default retry policy then adds an exponential backoff
 * from 1 s on top, which let deliveries that kept losing the race wait over a minute. A short backoff keeps the
 * wait to what Slack asked for (network errors still back off, to 10 s).
 */
export const slackClientOptions = (apiUrl: string) => ({
  slackApiUrl: apiUrl,
  retryConfig: { retries: 10, factor: 1.6, minTimeout: 100, maxTimeout: 10_000, randomize: true },
});

/**
 * Interlude on Slack, with Bolt: one slash command, `/interlude <command> …`, parsed by the same command-line
 * reader as the console; buttons and the check-in modal; HTTP mode on the bot's own web server (signatures checked
 * by Bolt's receiver) or Socket Mode. Every request is acknowledged within Slack's 3 s.
 */
export function createSlackBot(c: SlackConnection, ctx: SlackContext): SlackBot {
  const logger = boltLogger(ctx.log);
  const clientOptions = slackClientOptions(c.apiUrl);
  let router: Router | null = null;
  let app: App;
  if (c.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: c.appToken,
      logger,
      installerOptions: { clientOptions },
    });
    app = new App({
      token: c.botToken,
      receiver,
      socketMode: true,
      clientOptions,
      logger,
      deferInitialization: true,
    });
  } else {
    if (!c.signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET');
    const receiver = new ExpressReceiver({
      signingSecret: c.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger,
    });
    router = receiver.router;
    app = new App({ token: c.botToken, receiver, clientOptions, logger, deferInitialization: true });
  }
  const roles = new SlackRoles(app.client, ctx.clock);
  const names = slackCommandNames(ctx.registry);
  /** Command names as Slack has them (the app already kept health data off the chat). */
  const prepare = (m: OutMessage): OutMessage => slackify(m, names);
  const render = (m: OutMessage) => renderSlack(prepare(m));
  /** The app's one way in, for a Slack user. */
  const handle = (who: SlackWho, inbound: Inbound) =>
    handleInbound(ctx.deps, ctx, callerOf(roles, who), inbound, ctx.clock.now(), { thirdParty: true });

  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    const who: SlackWho = {
      teamId: command.team_id,
      teamName: command.team_domain ?? null,
      userId: command.user_id,
      userName: command.user_name ?? null,
    };
    // Visible only in the person's own DM with the app: a DM between two people also has a D… id, and a visible
    // reply there is read by the other person.
    const response_type = isOwnDm(ctx.deps.store, 'slack', who.userId, command.channel_id)
      ? ('in_channel' as const)
      : ('ephemeral' as const);
    let acked = false;
    const answer = async (m: OutMessage) => {
      const prepared = prepare(m);
      const [first, ...rest] = renderSlack(prepared);
      if (!first) return;
      if (!acked) {
        acked = true;
        await ack({ response_type, text: first.text, blocks: blocks(first) });
      } else await respond({ response_type, text: first.text, blocks: blocks(first) });
      for (const p of rest) await respond({ response_type, text: p.text, blocks: blocks(p) });
      // Files (only /export, only when ANSWER_IN_CHAT let them through safeForChat) go to the person's DM.
      if (prepared.files?.length) await uploadFiles(app.client, who.userId, prepared.files);
    };
    try {
      const raw = unescapeSlack(command.text ?? '').trim() || 'help';
      const firstWord = raw.split(/\s+/)[0]?.toLowerCase() ?? '';
      const invocation = parseCommandLine(`/${firstWord === 'setup' ? plainIds(raw) : raw}`, ctx.registry);
      const work = handle(who, { kind: 'command', invocation });
      const first = await withDeadline(work, DEFER_AFTER_MS);
      if (first === LATE) {
        acked = true;
        await ack();
        await answer((await work).message);
      } else await answer(first.message);
    } catch (e) {
      await answer(
        replyForError(e, ctx.log, { platform: 'slack', kind: 'command', team: who.teamId, user: who.userId }),
      ).catch((err: unknown) => ctx.log.error({ err }, 'could not tell the person about an error'));
    }
  });

  app.action(/.*/, async ({ ack, body, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const action = body.actions[0];
    if (action?.type !== 'button' || action.action_id.startsWith('link:')) return;
    const who: SlackWho = {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      teamName: body.team?.domain ?? null,
      userId: body.user.id,
      userName: body.user.username ?? body.user.name ?? null,
    };
    const tell = async (m: OutMessage) => {
      const [p] = render(m);
      if (!p) return;
      await respond({ replace_original: false, response_type: 'ephemeral', text: p.text, blocks: blocks(p) });
    };
    const result = await handle(who, { kind: 'button', id: action.action_id });
    try {
      // A refusal or failure goes beside the message, which keeps its buttons.
      if (result.error !== undefined) return await tell(result.message);
      const shaped = prepare(result.message);
      if (shaped.form?.mood !== undefined) {
        const origin =
          body.container?.type === 'message' && !body.container.is_ephemeral
            ? { channel: body.container.channel_id, ts: body.container.message_ts }
            : {};
        await client.views.open({
          trigger_id: body.trigger_id,
          view: checkinView(shaped.form as FormRequest & { mood: number }, origin) as View,
        });
        return;
      }
      const [first, ...rest] = renderSlack(shaped);
      if (first) await respond({ replace_original: true, text: first.text, blocks: blocks(first) });
      for (const p of rest) await respond({ replace_original: false, text: p.text, blocks: blocks(p) });
    } catch (e) {
      // Only Slack itself can fail here (the app's errors are replies already).
      await tell(
        replyForError(e, ctx.log, { platform: 'slack', kind: 'button', team: who.teamId, user: who.userId }),
      ).catch((err: unknown) => ctx.log.error({ err }, 'could not tell the person about an error'));
    }
  });

  app.view(CHECKIN_CALLBACK, async ({ ack, body, view, client }) => {
    const who: SlackWho = {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      teamName: body.team?.domain ?? null,
      userId: body.user.id,
      userName: body.user.name ?? null,
    };
    const meta = parseMetadata(view.private_metadata);
    const answers = answersFrom(view.state.values);
    const errors = fieldErrors(answers);
    if (!meta) {
      await ack({
        response_action: 'errors',
        errors: { reflection: 'This form has expired. Type /interlude checkin for a fresh one.' },
      });
      return;
    }
    if (Object.keys(errors).length) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const result = await handle(who, { kind: 'form', formId: meta.f, fields: answers });
    if (result.error !== undefined) {
      // The modal stays open with every answer in it; the reason shows under the reflection.
      const e = result.error;
      const text = result.message.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
      await ack({ response_action: 'errors', errors: { reflection: isUserError(e) ? e.message : text } });
      return;
    }
    await ack();
    const [first] = render(result.message);
    if (!first) return;
    try {
      if (meta.channel && meta.ts) {
        await client.chat.update({
          channel: meta.channel,
          ts: meta.ts,
          text: first.text,
          blocks: blocks(first),
        });
      } else {
        const dm = await client.conversations.open({ users: who.userId });
        if (dm.channel?.id)
          await client.chat.postMessage({ channel: dm.channel.id, text: first.text, blocks: blocks(first) });
      }
    } catch (err) {
      ctx.log.warn({ err, user: who.userId }, 'check-in saved, but the confirmation could not be posted');
    }
  });

  // A DM typed to the bot: the commands, or the crisis lines at once. Nothing is stored.
  app.message(async ({ message, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('text' in message)) return;
    if ('bot_id' in message && message.bot_id) return;
    const who: SlackWho = {
      teamId: message.team ?? '',
      teamName: null,
      userId: message.user,
      userName: null,
    };
    const [p] = render((await handle(who, { kind: 'text', content: message.text ?? '' })).message);
    if (p) await client.chat.postMessage({ channel: message.channel, text: p.text, blocks: blocks(p) });
  });

  app.error(async (err) => {
    ctx.log.error({ err, platform: 'slack' }, 'slack listener failed');
  });

  return {
    app,
    client: app.client,
    router,
    async start() {
      // init() checks the token (auth.test). HTTP mode is then served by the web server; Socket Mode connects out.
      try {
        await app.init();
      } catch (e) {
        const code = (e as { data?: { error?: string } }).data?.error;
        if (code && TOKEN_REFUSED.has(code)) {
          throw new ConfigError([
            `SLACK_BOT_TOKEN was refused by Slack (${code}): copy the Bot User OAuth Token again`,
          ]);
        }
        throw e;
      }
      if (c.appToken) await app.start();
    },
    async close() {
      if (c.appToken) await app.stop();
    },
  };
}
