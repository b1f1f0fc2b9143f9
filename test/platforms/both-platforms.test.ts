import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { type Platforms, startPlatforms } from '../../src/run-platforms.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { at } from '../helpers/app-harness.js';
import { RecordingLogger } from '../helpers/recording-logger.js';
import { TEST_KEY } from '../helpers/temp-store.js';
import { buttonIds } from './discord/discord-harness.js';
import { actionIds, SIGNING_SECRET } from './slack/slack-harness.js';

const ZONE = 'Asia/Kathmandu';
let discord: FakeDiscord;
let slack: FakeSlack;
let bot: Platforms;
let dir: string;
const clock = { t: at(ZONE, '2026-05-04T06:00') };

beforeAll(async () => {
  discord = await FakeDiscord.start();
  slack = await FakeSlack.start({ signingSecret: SIGNING_SECRET, limits: false });
  dir = mkdtempSync(join(tmpdir(), 'interlude-both-'));
  const config = parseConfig({
    DATA_DIR: dir,
    ENCRYPTION_KEY: TEST_KEY.toString('hex'),
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    HOST: '127.0.0.1',
    PORT: '0',
  });
  bot = await startPlatforms(config, TEST_KEY, new RecordingLogger(), { now: () => clock.t });
});
afterAll(async () => {
  await bot.close();
  await discord.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

it('runs Discord and Slack in one process: each person’s nudge goes out on their own platform', async () => {
  const dUser = { id: '600000000000000001', username: 'dana' };
  const offer = await discord
    .slashCommand({ user: dUser, name: 'start', options: { zone: ZONE, time: '07:15' } })
    .response();
  const agreeD = buttonIds(offer.data.components).find((id) => id.startsWith('enrol.agree'));
  await discord.clickButton({ user: dUser, customId: agreeD ?? '' }).response();

  const url = `http://127.0.0.1:${bot.webPort}/slack/events`;
  const sOffer = await slack.slashCommand(url, {
    user: 'U0SAMI00001',
    text: `start zone:${ZONE} time:07:15`,
  });
  const agreeS = actionIds(sOffer.body.blocks).find((id) => id.startsWith('enrol.agree'));
  const clicked = await slack.blockAction(url, { user: 'U0SAMI00001', buttonId: agreeS ?? '' });
  await clicked.waitForResponses(1);

  clock.t = at(ZONE, '2026-05-04T07:15');
  await bot.runtime.tick(clock.t);
  expect(discord.messagesTo(dUser.id)).toHaveLength(1);
  expect(slack.messagesTo('U0SAMI00001')).toHaveLength(1);
});
