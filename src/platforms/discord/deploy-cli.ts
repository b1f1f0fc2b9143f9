import { existsSync } from 'node:fs';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import { ConfigError, parseDiscordDeployConfig } from '../../config.js';
import { deployCommands, describeDeploy } from './deploy.js';
import { discordRest } from './discord-bot.js';

/** `npm run deploy:discord`: register every command from commands/ with Discord and print what changed. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof parseDiscordDeployConfig>;
  try {
    config = parseDiscordDeployConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example and the README's Discord section.\n`);
      process.exit(1);
    }
    throw e;
  }
  const rest = discordRest(config);
  const result = await deployCommands(rest, config.applicationId, config.guildId, ALL_COMMANDS());
  process.stdout.write(`${describeDeploy(result)}\n`);
}

main().catch((e: unknown) => {
  // The REST error names the route and Discord's message; the token is never part of either.
  process.stderr.write(`Could not register the commands: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
