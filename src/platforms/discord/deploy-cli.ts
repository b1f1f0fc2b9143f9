import { ALL_COMMANDS } from '../../../commands/registry.js';
import { parseDiscordDeployConfig } from '../../config/clis.js';
import { loadOrExit } from '../../load-env.js';
import { deployCommands, describeDeploy } from './deploy.js';
import { discordRest } from './discord-bot.js';

/** `npm run deploy:discord`: register every command from commands/ with Discord and print what changed. */
async function main(): Promise<void> {
  const config = loadOrExit(parseDiscordDeployConfig, "See .env.example and the README's Discord section.");
  const rest = discordRest(config);
  const result = await deployCommands(
    rest,
    config.applicationId,
    config.guildId,
    ALL_COMMANDS(),
    config.answerInChat,
  );
  process.stdout.write(`${describeDeploy(result)}\n`);
}

main().catch((e: unknown) => {
  // The REST error names the route and Discord's message; the token is never part of either.
  process.stderr.write(`Could not register the commands: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
