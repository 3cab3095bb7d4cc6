import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../commands/index.ts';
import { registerDiscordCommands } from '../../../src/adapters/discord/register.ts';
import { loadConfig } from '../../../src/config.ts';
import { DiscordErrors, type FakeDiscord, startFakeDiscord } from '../../fakes/discord/fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

const commands = createCommandRegistry().list();
const env = () => ({
  DISCORD_TOKEN: fake.token,
  DISCORD_APPLICATION_ID: fake.applicationId,
  DISCORD_API_BASE: fake.apiBase,
});

describe('registerDiscordCommands', () => {
  it('registers every command of commands/ globally with one bulk overwrite', async () => {
    const result = await registerDiscordCommands(loadConfig(env()), commands);
    expect(result).toEqual({
      scope: 'global',
      guildId: undefined,
      names: commands.map((c) => c.definition.name),
    });
    const put = fake.requests.find((r) => r.route === 'PUT /applications/:applicationId/commands');
    expect(put?.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(((put?.body ?? []) as Array<{ name: string }>).map((c) => c.name)).toEqual(result.names);
  });

  it('registers to one server when DISCORD_GUILD_ID is set', async () => {
    const result = await registerDiscordCommands(
      loadConfig({ ...env(), DISCORD_GUILD_ID: fake.guildId }),
      commands,
    );
    expect(result.scope).toBe('guild');
    expect(fake.registeredCommands.get(fake.guildId)).toHaveLength(commands.length);
  });

  it('fails with one clear line, without the token, when Discord refuses', async () => {
    fake.failNext('PUT /applications/:applicationId/commands', DiscordErrors.missingAccess);
    const failure = registerDiscordCommands(loadConfig(env()), commands);
    await expect(failure).rejects.toThrow(/Discord refused the command registration: Missing Access/);
    await expect(failure).rejects.not.toThrow(fake.token);
  });

  it('names the missing variable', async () => {
    await expect(registerDiscordCommands(loadConfig({}), commands)).rejects.toThrow(/DISCORD_TOKEN/);
  });
});
