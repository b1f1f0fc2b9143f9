/**
 * Discord gets native option types, `required`, choices and limits from the same declarations, and the loopback
 * Discord refuses what Discord refuses, so a registration that passes here would pass there.
 */
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../commands/registry.js';
import { type DiscordOption, discordCommands } from '../../src/platforms/discord/command-data.js';
import { deployCommands } from '../../src/platforms/discord/deploy.js';
import { discordRest } from '../../src/platforms/discord/discord-bot.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';

// With ANSWER_IN_CHAT every option is registered, chat-only ones too (link mode: test/web/page-forms.test.ts).
const cmds = discordCommands(ALL_COMMANDS(), true);
const optionOf = (command: string, sub: string | null, name: string): DiscordOption | undefined => {
  const c = cmds.find((x) => x.name === command);
  const list = sub ? c?.options.find((o) => o.name === sub)?.options : c?.options;
  return list?.find((o) => o.name === name);
};

describe('native option types from the declarations', () => {
  it.each([
    [
      'skip',
      null,
      'day',
      {
        type: 3,
        required: false,
        choices: [
          { name: 'today', value: 'today' },
          { name: 'tomorrow', value: 'tomorrow' },
        ],
      },
    ],
    ['settings', 'follow-up', 'state', { type: 5, required: true }],
    ['settings', 'sharing', 'state', { type: 5, required: false }],
    ['action', 'done', 'number', { type: 4, required: true, min_value: 1, max_value: 999_999 }],
    ['journal', 'write', 'text', { type: 3, max_length: 4000 }],
    ['setup', 'facilitator-role', 'role', { type: 8, required: true }],
    ['settings', 'time', 'time', { type: 3, required: true }],
    ['session', 'next', 'date', { type: 3, required: true }],
    ['pause', null, 'until', { type: 3, required: false }],
  ] as const)('/%s %s %s', (command, sub, name, expected) => {
    expect(optionOf(command, sub, name)).toMatchObject(expected);
  });
});

describe('the loopback Discord validates registrations as Discord does', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({});
  });
  afterAll(async () => {
    await fake.close();
  });

  // Through discord.js's REST client, which waits out the fake's rate limits like real Discord's.
  const rest = () => discordRest({ token: fake.token, apiUrl: fake.apiUrl, requestsPerSecond: 50 });
  const put = (body: unknown) =>
    rest()
      .put(Routes.applicationCommands(fake.applicationId), { body })
      .then(
        () => ({ status: 200, errors: null as unknown }),
        (e: { status: number; rawError?: { errors?: unknown } }) => ({
          status: e.status,
          errors: e.rawError?.errors,
        }),
      );
  const str = (name: string, extra: object = {}) => ({ type: 3, name, description: 'd', ...extra });

  it('accepts every command from commands/', async () => {
    const r = await deployCommands(rest(), fake.applicationId, null, ALL_COMMANDS());
    expect(r.added).toHaveLength(ALL_COMMANDS().length);
  });

  it.each([
    ['a required option after an optional one', [str('a'), str('b', { required: true })], 'REQUIRED_INVALID'],
    [
      '26 choices',
      [str('a', { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) })],
      'MAX_LENGTH',
    ],
    ['an option name in capitals', [str('Day')], 'INVALID_NAME'],
    ['an option name with a space', [str('two words')], 'INVALID_NAME'],
    ['a description over 100 characters', [str('a', { description: 'x'.repeat(101) })], 'BAD_LENGTH'],
    ['min_value on a string', [str('a', { min_value: 1 })], 'INVALID_VALUE'],
    ['max_length on an integer', [{ type: 4, name: 'n', description: 'd', max_length: 3 }], 'INVALID_VALUE'],
    [
      'a choice whose value is not a string on a string option',
      [str('a', { choices: [{ name: 'x', value: 1 }] })],
      'CHOICE_INVALID',
    ],
    ['subcommands mixed with options', [{ type: 1, name: 's', description: 'd' }, str('a')], 'TYPE_INVALID'],
    ['26 options', Array.from({ length: 26 }, (_, i) => str(`o${i}`)), 'MAX_LENGTH'],
  ])('refuses %s', async (_, options, code) => {
    const r = await put([{ name: 'test', description: 'A test', type: 1, options }]);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.errors)).toContain(code);
  });

  it('refuses a command name in capitals', async () => {
    const r = await put([{ name: 'Journal', description: 'A test', type: 1 }]);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.errors)).toContain('INVALID_NAME');
  });
});
