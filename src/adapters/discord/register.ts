/**
 * Registers Briefer's commands with Discord: to one server when DISCORD_GUILD_ID is set (instant,
 * for development), globally otherwise. A bulk overwrite, so removed commands disappear too.
 */
import { REST, Routes } from 'discord.js';
import type { Command } from '../../commands/types.ts';
import type { Config } from '../../config.ts';
import { BrieferError, ConfigError } from '../../core/errors.ts';
import { toDiscordCommand } from './command-definitions.ts';
import { scrubText } from './log-safe.ts';
import { restOptions } from './rest.ts';

export interface Registration {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

export async function registerDiscordCommands(
  config: Config,
  commands: readonly Command[],
): Promise<Registration> {
  const {
    DISCORD_TOKEN: token,
    DISCORD_APPLICATION_ID: applicationId,
    DISCORD_GUILD_ID: guildId,
  } = config.env;
  if (!token) throw new ConfigError('DISCORD_TOKEN: required to register commands');
  if (!applicationId) throw new ConfigError('DISCORD_APPLICATION_ID: required to register commands');
  const rest = new REST(restOptions(config)).setToken(token);
  const body = commands.map((c) => toDiscordCommand(c.definition));
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  try {
    const saved = (await rest.put(route, { body })) as Array<{ name: string }>;
    return { scope: guildId ? 'guild' : 'global', guildId, names: saved.map((c) => c.name) };
  } catch (error) {
    const reason = scrubText(error instanceof Error ? error.message : String(error), [token]);
    throw new BrieferError('PLATFORM_ERROR', `Discord refused the command registration: ${reason}`, {
      cause: error,
    });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
