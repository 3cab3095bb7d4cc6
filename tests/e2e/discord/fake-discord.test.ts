/**
 * The fake Discord itself, as the daily digest will use it: channel posts recorded and checked
 * against Discord's limits, failures on demand, 429s that discord.js's REST client waits out.
 */
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordErrors, type FakeDiscord, startFakeDiscord } from '../../fakes/discord/index.ts';

let fake: FakeDiscord;
let rest: REST;
beforeAll(async () => {
  fake = await startFakeDiscord();
  rest = new REST({ api: fake.apiBase }).setToken(fake.token);
});
afterAll(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await fake.close();
});

const post = (channel: string, body: unknown) => rest.post(Routes.channelMessages(channel), { body });
const MESSAGES = 'POST /channels/:channelId/messages';

describe('fake Discord', () => {
  it('records channel posts and answers with a message', async () => {
    const sent = (await post(fake.channelId, { content: 'hello', allowed_mentions: { parse: [] } })) as {
      id: string;
    };
    expect(fake.channelMessages.at(-1)).toMatchObject({
      id: sent.id,
      channel_id: fake.channelId,
      content: 'hello',
    });
    const recorded = await fake.waitForRequest(MESSAGES);
    expect(recorded.headers.authorization).toBe(`Bot ${fake.token}`);
  });

  it('rejects what Discord would reject: over-limit messages and a missing token', async () => {
    const tooLong = post(fake.channelId, { embeds: [{ description: 'x'.repeat(4097) }] });
    await expect(tooLong).rejects.toMatchObject({ status: 400, code: 50035 });
    expect(fake.requests.at(-1)?.problems).toEqual(['embeds[0].description: 4097 > 4096']);
    const anonymous = new REST({ api: fake.apiBase, retries: 0 });
    await expect(
      anonymous.post(Routes.channelMessages(fake.channelId), { body: { content: 'x' }, auth: false }),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('fails a route on demand: 403 Missing Access, 404 Unknown Channel', async () => {
    fake.failNext(MESSAGES, DiscordErrors.missingAccess);
    fake.failNext(`POST /channels/${fake.channelId}/messages`, DiscordErrors.unknownChannel);
    const first = await post(fake.channelId, { content: 'a' }).catch((e: unknown) => e);
    const second = await post(fake.channelId, { content: 'b' }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(DiscordAPIError);
    expect(first).toMatchObject({ status: 403, code: 50001 });
    expect(second).toMatchObject({ status: 404, code: 10003 });
    await expect(post(fake.channelId, { content: 'c' })).resolves.toMatchObject({ content: 'c' });
  });

  it('answers 429 with Retry-After, which the REST client waits out before retrying', async () => {
    fake.rateLimitNext(MESSAGES, 0.2);
    const before = fake.requests.length;
    await post(fake.channelId, { content: 'after the wait' });
    const attempts = fake.requests.slice(before).filter((r) => r.route === MESSAGES);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[0]?.body).toEqual(attempts[1]?.body);
  });
});
