/**
 * Registering the slash commands: deployCommands/describeDeploy against the loopback Discord, and
 * `npm run deploy:discord` (tsx over src/platforms/discord/deploy-cli.ts) as a child process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import type { CommandDef } from '../../../src/app/command.js';
import { discordCommands } from '../../../src/platforms/discord/command-data.js';
import { deployCommands, describeDeploy } from '../../../src/platforms/discord/deploy.js';
import { discordRest } from '../../../src/platforms/discord/discord-bot.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import type { Json } from '../../fakes/discord/types.js';
import { childEnv } from '../../helpers/child-env.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const RUN_TIMEOUT_MS = 20_000;
const GUILD_ID = '300000000000000001';
/** Distinctive, so a leak into the CLI's output cannot hide behind a common word. */
const TOKEN = 'deploy-test-bot-token.Zq7vXw9Lk3';

const names = (list: readonly { name: string }[]) => list.map((c) => c.name);
const ALL_NAMES = names(ALL_COMMANDS());

/** Every command but /skip, and /journal with a new description. */
function modifiedCommands(): CommandDef[] {
  return ALL_COMMANDS()
    .filter((c) => c.name !== 'skip')
    .map((c) => (c.name === 'journal' ? { ...c, description: 'Write a few private words (new text)' } : c));
}

describe('deployCommands against the loopback Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, guilds: [{ id: GUILD_ID, name: 'Clinic' }] });
  });
  afterAll(async () => {
    await fake.close();
  });

  const rest = () => discordRest({ token: fake.token, apiUrl: fake.apiUrl, requestsPerSecond: 50 });
  const stored = (guildId: string | null): Json[] =>
    guildId ? (fake.commands.guild.get(guildId) ?? []) : fake.commands.global;

  for (const guildId of [null, GUILD_ID]) {
    const scope = guildId ? `server ${guildId}` : 'global';

    it(`${scope}: registers every command by one bulk overwrite, all added the first time`, async () => {
      const from = fake.requests.length;
      const r = await deployCommands(rest(), fake.applicationId, guildId, ALL_COMMANDS());
      expect(r).toEqual({ scope, added: ALL_NAMES, changed: [], removed: [], unchanged: [] });

      const path = guildId
        ? `/applications/${fake.applicationId}/guilds/${guildId}/commands`
        : `/applications/${fake.applicationId}/commands`;
      const sent = fake.requests.slice(from);
      expect(sent.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
        `GET ${path} 200`,
        `PUT ${path} 200`,
      ]);
      // The body is exactly what command-data builds; Discord keeps it as the whole list.
      expect(sent[1]?.body).toEqual(JSON.parse(JSON.stringify(discordCommands(ALL_COMMANDS()))));
      expect(names(stored(guildId))).toEqual(ALL_NAMES);

      const text = describeDeploy(r);
      expect(text).toContain(`Registered ${ALL_NAMES.length} commands (${scope}).`);
      expect(text).toContain(`  added:     ${ALL_NAMES.map((n) => `/${n}`).join(' ')}\n`);
      expect(text).toContain('  changed:   —\n');
      expect(text).toContain('  removed:   —\n');
      expect(text).toContain('  unchanged: 0\n');
      expect(text.split('\n').at(-1)).toBe(
        guildId
          ? 'Server commands appear at once.'
          : 'Global commands can take a few minutes to appear in Discord.',
      );
    });

    it(`${scope}: a second deploy of the same list reports every command unchanged`, async () => {
      const ids = stored(guildId).map((c) => c.id);
      const r = await deployCommands(rest(), fake.applicationId, guildId, ALL_COMMANDS());
      expect(r).toEqual({ scope, added: [], changed: [], removed: [], unchanged: ALL_NAMES });
      // Same names keep their ids across overwrites, as on Discord.
      expect(stored(guildId).map((c) => c.id)).toEqual(ids);
      const text = describeDeploy(r);
      expect(text).toContain(`Registered ${ALL_NAMES.length} commands (${scope}).`);
      expect(text).toContain('  added:     —\n');
      expect(text).toContain(`  unchanged: ${ALL_NAMES.length}\n`);
    });

    it(`${scope}: a modified list reports exactly the removed and the changed command`, async () => {
      const r = await deployCommands(rest(), fake.applicationId, guildId, modifiedCommands());
      expect(r).toEqual({
        scope,
        added: [],
        changed: ['journal'],
        removed: ['skip'],
        unchanged: ALL_NAMES.filter((n) => n !== 'skip' && n !== 'journal'),
      });
      expect(names(stored(guildId))).toEqual(ALL_NAMES.filter((n) => n !== 'skip'));
      expect(stored(guildId).find((c) => c.name === 'journal')?.description).toBe(
        'Write a few private words (new text)',
      );
      const text = describeDeploy(r);
      expect(text).toContain(`Registered ${ALL_NAMES.length - 1} commands (${scope}).`);
      expect(text).toContain('  changed:   /journal\n');
      expect(text).toContain('  removed:   /skip\n');
      expect(text).toContain(`  unchanged: ${ALL_NAMES.length - 2}\n`);

      // And back: /skip added again, /journal changed back.
      const back = await deployCommands(rest(), fake.applicationId, guildId, ALL_COMMANDS());
      expect(back).toMatchObject({ added: ['skip'], changed: ['journal'], removed: [] });
    });
  }

  it('keeps the global and the server lists apart', () => {
    expect(names(fake.commands.global)).toEqual(ALL_NAMES);
    expect(names(fake.commands.guild.get(GUILD_ID) ?? [])).toEqual(ALL_NAMES);
    expect(fake.commands.guild.get(GUILD_ID)?.every((c) => c.guild_id === GUILD_ID)).toBe(true);
    expect(fake.commands.global.some((c) => 'guild_id' in c)).toBe(false);
  });
});

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Only what a shell needs to find node, plus the test's settings. Every DISCORD_* the CLI reads is set (blank when
 * the test does not want it): process.loadEnvFile never overrides a variable already in the environment, even an
 * empty one, so a developer's .env in the project root cannot leak into these runs.
 */
function cliEnv(settings: Record<string, string>): Record<string, string> {
  const base = childEnv();
  const blank = {
    DISCORD_TOKEN: '',
    DISCORD_APPLICATION_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_API_URL: '',
    DISCORD_REQUESTS_PER_SECOND: '',
  };
  return { ...base, ...blank, ...settings };
}

function runDeployCli(settings: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/platforms/discord/deploy-cli.ts'], {
      cwd: ROOT,
      env: cliEnv(settings),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `deploy-cli did not exit within ${RUN_TIMEOUT_MS} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run deploy:discord', () => {
  let fake: FakeDiscord;
  let discordEnv: Record<string, string>;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, guilds: [{ id: GUILD_ID, name: 'Clinic' }] });
    discordEnv = {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    };
  });
  afterAll(async () => {
    await fake.close();
  });

  const expectNoToken = (exit: Exit) => {
    expect(exit.stdout).not.toContain(TOKEN);
    expect(exit.stderr).not.toContain(TOKEN);
  };

  it(
    'registers every command globally, prints what was added, exits 0',
    async () => {
      const exit = await runDeployCli(discordEnv);
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.stderr).toBe('');
      const lines = exit.stdout.trimEnd().split('\n');
      expect(lines).toEqual([
        `Registered ${ALL_NAMES.length} commands (global).`,
        `  added:     ${ALL_NAMES.map((n) => `/${n}`).join(' ')}`,
        '  changed:   —',
        '  removed:   —',
        '  unchanged: 0',
        'Global commands can take a few minutes to appear in Discord.',
      ]);
      expect(names(fake.commands.global)).toEqual(ALL_NAMES);
      expect(fake.commands.guild.size).toBe(0);
      expectNoToken(exit);
    },
    RUN_TIMEOUT_MS + 5_000,
  );

  it(
    'with DISCORD_GUILD_ID registers to that server, and says so',
    async () => {
      const exit = await runDeployCli({ ...discordEnv, DISCORD_GUILD_ID: GUILD_ID });
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.stdout).toContain(`Registered ${ALL_NAMES.length} commands (server ${GUILD_ID}).`);
      expect(exit.stdout).toContain(`  added:     ${ALL_NAMES.map((n) => `/${n}`).join(' ')}\n`);
      expect(exit.stdout).toContain('Server commands appear at once.');
      expect(names(fake.commands.guild.get(GUILD_ID) ?? [])).toEqual(ALL_NAMES);
      expectNoToken(exit);
    },
    RUN_TIMEOUT_MS + 5_000,
  );

  it(
    'without DISCORD_APPLICATION_ID exits 1 naming it, and calls nobody',
    async () => {
      const before = fake.requests.length;
      const exit = await runDeployCli({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
      expect(exit.code).toBe(1);
      expect(exit.stdout).toBe('');
      expect(exit.stderr).toContain('DISCORD_APPLICATION_ID is required');
      expect(exit.stderr).toContain("See .env.example and the README's Discord section.");
      expect(fake.requests.length).toBe(before);
      expectNoToken(exit);
    },
    RUN_TIMEOUT_MS + 5_000,
  );

  it(
    'with a wrong token exits 1 with Discord’s answer, and prints neither token',
    async () => {
      const wrong = 'wrong-deploy-token.Pp4mNq8Rs2';
      const exit = await runDeployCli({ ...discordEnv, DISCORD_TOKEN: wrong });
      expect(exit.code).toBe(1);
      expect(exit.stdout).toBe('');
      expect(exit.stderr).toMatch(/^Could not register the commands: .*401: Unauthorized/);
      expect(exit.stderr).not.toContain(wrong);
      expectNoToken(exit);
    },
    RUN_TIMEOUT_MS + 5_000,
  );
});
