import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import { ConfigError, parseManifestConfig } from '../../config.js';
import { slackManifest } from './manifest.js';

/** `npm run manifest:slack [file]`: write the Slack app manifest (default slack-manifest.json) and say what next. */
function main(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let cfg: ReturnType<typeof parseManifestConfig>;
  try {
    cfg = parseManifestConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example and the README's Slack section.\n`);
      process.exit(1);
    }
    throw e;
  }
  const file = resolve(process.argv[2] ?? 'slack-manifest.json');
  const manifest = slackManifest(ALL_COMMANDS(), cfg.publicUrl, cfg.socketMode);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(
    [
      `Wrote ${file}`,
      cfg.socketMode
        ? 'Socket Mode: Slack needs no address for Interlude; create an app-level token with connections:write (SLACK_APP_TOKEN).'
        : `Slack will send commands and clicks to ${cfg.publicUrl}/slack/events`,
      'Next: api.slack.com/apps → Create New App → From an app manifest → paste the file → Install to Workspace.',
    ].join('\n') + '\n',
  );
}

main();
