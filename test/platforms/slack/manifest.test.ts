import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import { BOT_SCOPES, slackManifest } from '../../../src/platforms/slack/manifest.js';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe('the Slack app manifest', () => {
  it('is built from commands/: one /interlude command naming every command, request URLs from PUBLIC_URL', () => {
    const m = slackManifest(ALL_COMMANDS(), 'https://interlude.example.org/', false);
    const [cmd] = m.features.slash_commands;
    expect(cmd?.command).toBe('/interlude');
    expect(cmd?.url).toBe('https://interlude.example.org/slack/events');
    for (const c of ALL_COMMANDS()) expect(cmd?.usage_hint).toContain(c.name);
    // The hint reads the same option declarations Discord registers: choices, subcommands, optional options.
    expect(cmd?.usage_hint).toContain('skip [today|tomorrow]');
    expect(cmd?.usage_hint).toContain('journal write|read');
    expect(cmd?.usage_hint).toContain('pause [until]');
    expect(cmd?.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(cmd?.should_escape).toBe(true);
    expect(m.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://interlude.example.org/slack/events',
    });
    expect(m.settings.event_subscriptions.bot_events).toEqual(['message.im']);
    expect(m.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('in Socket Mode needs no address', () => {
    const m = slackManifest(ALL_COMMANDS(), 'http://localhost', true);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(m)).not.toContain('/slack/events');
  });

  it('npm run manifest:slack writes the file and says what to do next; without PUBLIC_URL it explains', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlude-manifest-'));
    try {
      const file = join(dir, 'manifest.json');
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        PUBLIC_URL: 'https://care.example.org',
        SLACK_APP_TOKEN: '',
      };
      const ok = await run(TSX, ['src/platforms/slack/manifest-cli.ts', file], { env });
      expect(ok.stdout).toContain(`Wrote ${file}`);
      expect(ok.stdout).toContain('https://care.example.org/slack/events');
      expect(JSON.parse(readFileSync(file, 'utf8')).features.slash_commands[0].command).toBe('/interlude');
      const bad = await run(TSX, ['src/platforms/slack/manifest-cli.ts', file], {
        env: { PATH: process.env.PATH ?? '', HOME: dir, PUBLIC_URL: '', SLACK_APP_TOKEN: '' },
      }).catch((e: { code: number; stderr: string }) => e);
      expect('code' in bad && bad.code).toBe(1);
      expect('stderr' in bad && bad.stderr).toContain('PUBLIC_URL is required');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
