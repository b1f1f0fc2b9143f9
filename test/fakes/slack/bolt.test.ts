import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';

const ALICE = { id: 'U0ALICE0001', name: 'alice' };
const MODAL = {
  type: 'modal' as const,
  callback_id: 'checkin_modal',
  title: { type: 'plain_text' as const, text: 'Check-in' },
  submit: { type: 'plain_text' as const, text: 'Save' },
  blocks: [
    {
      type: 'input' as const,
      block_id: 'mood',
      label: { type: 'plain_text' as const, text: 'Mood' },
      element: { type: 'plain_text_input' as const, action_id: 'value' },
    },
  ],
};

let fake: FakeSlack;
let app: App;
let server: Server;
let url: string;
const errors: unknown[] = [];

beforeAll(async () => {
  fake = await FakeSlack.start({ users: [ALICE] });
  const receiver = new ExpressReceiver({ signingSecret: fake.signingSecret, logLevel: LogLevel.ERROR });
  app = new App({
    token: fake.botToken,
    receiver,
    clientOptions: { slackApiUrl: fake.apiUrl },
    logLevel: LogLevel.ERROR,
  });
  app.error(async (e) => {
    errors.push(e);
  });
  app.command('/interlude', async ({ ack, command, respond, client }) => {
    await ack({ text: `got ${command.text}` });
    await client.chat.postMessage({
      channel: command.user_id,
      text: 'Welcome',
      blocks: [
        {
          type: 'actions',
          block_id: 'welcome',
          elements: [
            {
              type: 'button',
              action_id: 'open_modal',
              value: 'v1',
              text: { type: 'plain_text', text: 'Check in' },
            },
          ],
        },
      ],
    });
    await respond({ text: 'done', response_type: 'ephemeral' });
  });
  app.action('open_modal', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view: MODAL });
  });
  app.view('checkin_modal', async ({ ack, view }) => {
    const mood = view.state.values.mood?.value?.value;
    if (!mood) await ack({ response_action: 'errors', errors: { mood: 'Say something' } });
    else await ack({ response_action: 'clear' });
  });
  server = createServer(receiver.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await fake?.close();
  expect(errors).toEqual([]);
});

describe('FakeSlack injecting into a real Bolt App (ExpressReceiver)', () => {
  it('slash command: signed form POST, the ack body, a DM with blocks and a response_url post', async () => {
    const cmd = await fake.slashCommand(url, { user: ALICE.id, text: 'checkin now' });
    expect(cmd.status).toBe(200);
    expect(cmd.body).toEqual({ text: 'got checkin now' });
    expect(cmd.ackMs).toBeLessThan(2000);
    expect(cmd.payload).toMatchObject({
      command: '/interlude',
      channel_id: fake.dmChannelFor(ALICE.id),
      channel_name: 'directmessage',
      user_name: 'alice',
      trigger_id: cmd.triggerId,
      response_url: cmd.responseUrl,
    });
    await cmd.waitForResponses(1);
    expect(cmd.responses[0]).toMatchObject({ text: 'done', response_type: 'ephemeral' });
    const welcome = await fake.waitForMessage((m) => m.text === 'Welcome');
    expect(welcome.channel).toBe(fake.dmChannels.get(ALICE.id));
    // Bolt checked the token once with auth.test before its first listener ran.
    expect(fake.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
  });

  it('block action on the posted message: the bot opens a modal with the trigger id, then a submission', async () => {
    const [welcome] = fake.messagesTo(ALICE.id);
    const click = await fake.blockAction(url, {
      user: ALICE.id,
      buttonId: 'open_modal',
      messageTs: welcome!.ts,
    });
    expect(click.status).toBe(200);
    expect(click.payload).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: welcome!.ts },
      message: { ts: welcome!.ts, blocks: welcome!.blocks },
      actions: [{ action_id: 'open_modal', block_id: 'welcome', value: 'v1', type: 'button' }],
    });
    const open = await fake.waitForCall((c) => c.method === 'views.open');
    expect(open).toMatchObject({ ok: true, params: { trigger_id: click.triggerId, view: MODAL } });
    const view = fake.views.at(-1)!;
    expect(view.callbackId).toBe('checkin_modal');

    const empty = await fake.viewSubmission(url, {
      user: ALICE.id,
      view: { id: view.id, callback_id: 'checkin_modal', state: { values: { mood: { value: {} } } } },
    });
    expect(empty.body).toEqual({ response_action: 'errors', errors: { mood: 'Say something' } });
    expect(empty.payload.view).toMatchObject({ id: view.id, hash: view.hash, blocks: MODAL.blocks });
    const filled = await fake.viewSubmission(url, {
      user: ALICE.id,
      view: {
        id: view.id,
        callback_id: 'checkin_modal',
        state: { values: { mood: { value: { type: 'plain_text_input', value: 'calm' } } } },
      },
    });
    expect(filled.body).toEqual({ response_action: 'clear' });
  });

  it('bad, missing and six-minute-old signatures get 401 from Bolt', async () => {
    const args = { user: ALICE.id, text: 'x' };
    expect((await fake.slashCommand(url, { ...args, sign: 'bad' })).status).toBe(401);
    expect((await fake.slashCommand(url, { ...args, sign: 'missing' })).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await fake.slashCommand(url, { ...args, timestamp: old })).status).toBe(401);
  });
});

describe('FakeSlack Socket Mode with a real Bolt App', () => {
  it('connects through apps.connections.open and acks a slash command envelope', async () => {
    const socketApp = new App({
      token: fake.botToken,
      appToken: fake.appToken,
      socketMode: true,
      clientOptions: { slackApiUrl: fake.apiUrl },
      logLevel: LogLevel.ERROR,
    });
    socketApp.command('/interlude', async ({ ack, command }) => {
      await ack({ text: `socket ${command.text}` });
    });
    socketApp.action('open_modal', async ({ ack }) => {
      await ack();
    });
    socketApp.view('checkin_modal', async ({ ack }) => {
      await ack({ response_action: 'errors', errors: { mood: 'Required' } });
    });
    await socketApp.start();
    try {
      expect(fake.socketClients).toBe(1);
      const open = fake.calls.find((c) => c.method === 'apps.connections.open');
      expect(open).toMatchObject({ ok: true, tokenType: 'app' });
      const cmd = await fake.socketSlashCommand({ user: ALICE.id, text: 'hello' });
      expect(cmd.ack).toEqual({ envelope_id: cmd.envelopeId, payload: { text: 'socket hello' } });
      expect(cmd.body).toEqual({ text: 'socket hello' });
      expect(cmd.ackMs).toBeLessThan(2000);
      const click = await fake.socketBlockAction({ user: ALICE.id, buttonId: 'open_modal' });
      expect(click.ack).toEqual({ envelope_id: click.envelopeId, payload: {} });
      const submit = await fake.socketViewSubmission({
        user: ALICE.id,
        view: { callback_id: 'checkin_modal', state: { values: {} } },
      });
      expect(submit.body).toEqual({ response_action: 'errors', errors: { mood: 'Required' } });
    } finally {
      await socketApp.stop();
    }
    await expect.poll(() => fake.socketClients).toBe(0);
  });
});
