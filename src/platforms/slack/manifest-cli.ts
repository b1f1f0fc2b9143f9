import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import { parseManifestConfig } from '../../config/clis.js';
import { loadOrExit } from '../../load-env.js';
import { slackManifest } from './manifest.js';

/** `npm run manifest:slack [file]`: write the Slack app manifest (default slack-manifest.json) and say what next. */
function main(): void {
  const cfg = loadOrExit(parseManifestConfig, "See .env.example and the README's Slack section.");
  const file = resolve(process.argv[2] ?? 'slack-manifest.json');
  const manifest = slackManifest(ALL_COMMANDS(), cfg.publicUrl, cfg.socketMode);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(
    `${[
      `Wrote ${file}`,
      cfg.socketMode
        ? 'Socket Mode: Slack needs no address for Interlude; create an app-level token with connections:write (SLACK_APP_TOKEN).'
        : `Slack will send commands and clicks to ${cfg.publicUrl}/slack/events`,
      'Next: api.slack.com/apps → Create New App → From an app manifest → paste the file → Install to Workspace.',
    ].join('\n')}\n`,
  );
}

main();
