/**
 * `npm run register:discord`: registers Briefer's slash commands with Discord, to DISCORD_GUILD_ID
 * when set (instant, for development), globally otherwise. Run it after changing `commands/`.
 */
import { createCommandRegistry } from '../commands/index.ts';
import { registerDiscordCommands } from '../src/adapters/discord/register.ts';
import { loadConfig } from '../src/config.ts';
import { isBrieferError } from '../src/core/errors.ts';
import { loadEnvFile } from '../src/env-file.ts';

async function main(): Promise<void> {
  loadEnvFile();
  // Registering only sends: the checks for receiving commands (an interactions key with
  // DISCORD_SHARDS=none) are not this script's business.
  const config = loadConfig(process.env, { receives: false });
  const result = await registerDiscordCommands(config, createCommandRegistry().list());
  const names = result.names.map((n) => `/${n}`).join(', ');
  const where =
    result.scope === 'guild'
      ? `to server ${result.guildId} (available now)`
      : 'globally (may take a few minutes to show up in every server)';
  process.stdout.write(`Registered ${result.names.length} commands ${where}: ${names}\n`);
}

main().catch((error: unknown) => {
  const message = isBrieferError(error)
    ? error.message
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error);
  process.stderr.write(`register:discord: ${message}\n`);
  process.exit(isBrieferError(error) ? 2 : 1);
});
