/**
 * DISCORD_SHARDS: one gateway connection per shard (discord.js sharding), and an instance running
 * only its share (`1/2`) identifies as that shard alone, so several instances split the gateway.
 */
import { describe, expect, it } from 'vitest';
import { shardOptions } from '../../../src/adapters/discord/gateway.ts';
import { loadConfig } from '../../../src/config.ts';
import { resolveSource } from '../../../src/sources/resolve.ts';
import { startBot } from './harness.ts';

const source = () => resolveSource('sample');

describe('DISCORD_SHARDS', () => {
  it("reads auto, a count, or this instance's shards, and names the variable when wrong", () => {
    const shards = (v: string) => loadConfig({ DISCORD_SHARDS: v }).env.DISCORD_SHARDS;
    expect(shardOptions(shards('auto'))).toEqual({ shards: 'auto' });
    expect(shardOptions(shards('3'))).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(shardOptions(shards('0,2/4'))).toEqual({ shards: [0, 2], shardCount: 4 });
    expect(shardOptions(undefined)).toEqual({});
    // `none`: this instance answers HTTP interactions and posts digests, with no gateway connection.
    const none = loadConfig({
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '1',
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
      DISCORD_SHARDS: 'none',
    });
    expect(none.platforms.discordGateway).toBe(false);
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1' }).platforms.discordGateway).toBe(
      true,
    );
    expect(() => loadConfig({ DISCORD_SHARDS: 'many' })).toThrow(/DISCORD_SHARDS: expected auto/);
    expect(() => loadConfig({ DISCORD_SHARDS: '4/4' })).toThrow(/DISCORD_SHARDS: shard ids must be below/);
  });

  it('opens one gateway connection per shard of this instance', async () => {
    const bot = await startBot({ source: source(), env: { DISCORD_SHARDS: '0,1/2' } });
    try {
      await waitFor(() => bot.fake.identifies.length >= 2);
      expect(bot.fake.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
    } finally {
      await bot.stop();
    }
  });

  it('an instance running shard 1 of 2 identifies as that shard only', async () => {
    const bot = await startBot({ source: source(), env: { DISCORD_SHARDS: '1/2' } });
    try {
      expect(bot.fake.identifies.map((i) => i.shard)).toEqual([[1, 2]]);
    } finally {
      await bot.stop();
    }
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}
