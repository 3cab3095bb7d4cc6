/**
 * The real bot (discord.js over the gateway) against the fake Discord: connection, each command's
 * reply, autocomplete, a REST 429, a dropped connection, and what ends up in the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { smallNews, staticSource } from '../../fakes/discord/news.ts';
import { type Bot, startBot } from './harness.ts';

let bot: Bot;
let fake: FakeDiscord;

beforeAll(async () => {
  bot = await startBot({ source: staticSource(smallNews(), 'test wire') });
  fake = bot.fake;
});

afterAll(async () => {
  await bot?.stop();
});

const CALLBACK = 'POST /interactions/:id/:token/callback';
type Embed = {
  title?: string;
  description?: string;
  color?: number;
  fields?: unknown[];
  footer?: { text: string };
};

describe('Discord gateway', () => {
  it('connects like a well-behaved bot: bot token, Guilds intent only, no compression', () => {
    const gatewayInfo = fake.requests.find((r) => r.route === 'GET /gateway/bot');
    expect(gatewayInfo?.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: fake.token, intents: 1, compress: false });
  });

  it('/brief answers publicly with the lead and one embed per category, within limits and mention-safe', async () => {
    const i = await fake.dispatchCommand('brief');
    const answer = await fake.waitForAnswer(i);
    expect(answer.callbackType).toBe(4);
    const callback = answer.requests[0];
    expect(callback?.status).toBe(204);
    const data = (callback?.body as { data: Record<string, unknown> } | undefined)?.data ?? {};
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags ?? 0).toBe(0);

    const embeds = data.embeds as Embed[];
    expect(embeds[0]?.title).toBe('Ports agree a $5 billion green shipping fund');
    const { briefing } = await bot.app.briefings.get();
    expect(embeds[0]?.fields?.length ?? 0).toBe(new Set(briefing.lead.keyFacts.map((f) => f.type)).size);
    const markets = bot.app.taxonomy.categories.find((c) => c.id === 'markets');
    const marketsEmbed = embeds.find((e) => e.title?.startsWith(`${markets?.emoji} ${markets?.label}`));
    expect(marketsEmbed?.color).toBe(Number.parseInt(markets?.color.slice(1) ?? '', 16));
    expect(marketsEmbed?.description).toContain(
      '[Stocks climb to record high as chipmakers rally](https://news.example.com/a)',
    );
    expect(embeds.at(-1)?.footer?.text).toMatch(/^Example Wire · test wire · \d+ \w+ \d{4}, \d\d:\d\d UTC$/);
  });

  it('/story sentences:2 answers with the lead only: two sentences, key facts, a link', async () => {
    const i = await fake.dispatchCommand('story', { sentences: 2 });
    const { message } = await fake.waitForAnswer(i);
    expect(message?.embeds).toHaveLength(1);
    const lead = message?.embeds[0] as Embed & { url?: string; author?: { name: string } };
    expect(lead.url).toBe('https://news.example.com/ports');
    expect(lead.author?.name).toMatch(/2 of \d+ sentences/);
    expect(JSON.stringify(message?.components)).toContain('"url":"https://news.example.com/ports"');
  });

  it('/headlines category:markets shows that category only', async () => {
    const i = await fake.dispatchCommand('headlines', { category: 'markets' });
    const { message } = await fake.waitForAnswer(i);
    expect(((message?.embeds ?? []) as Embed[]).map((e) => e.title)).toEqual(['💹 Markets · 1']);
  });

  it('/headlines with an unknown category explains, privately', async () => {
    const i = await fake.dispatchCommand('headlines', { category: 'knitting' });
    const { message } = await fake.waitForAnswer(i);
    expect(message?.flags).toBe(64);
    expect(JSON.stringify(message?.embeds)).toContain('There is no category');
  });

  it('/help answers ephemerally (flags 64)', async () => {
    const i = await fake.dispatchCommand('help');
    const { message } = await fake.waitForAnswer(i);
    expect(message?.flags).toBe(64);
    expect(JSON.stringify(message?.embeds)).toContain('/headlines [category]');
  });

  it('autocompletes the category option from the taxonomy', async () => {
    const typed = await fake.waitForAnswer(await fake.dispatchAutocomplete('headlines', 'category', 'mar'));
    expect(typed.callbackType).toBe(8);
    expect(typed.choices).toContainEqual({ name: '💹 Markets', value: 'markets' });

    const all = await fake.waitForAnswer(await fake.dispatchAutocomplete('headlines', 'category', ''));
    const ids = bot.app.taxonomy.categories.map((c) => c.id).slice(0, 25);
    expect(all.choices?.map((c) => c.value)).toEqual(ids);
  });

  it('waits out a 429 from REST and then answers', async () => {
    fake.rateLimitNext(CALLBACK, 0.3);
    const i = await fake.dispatchCommand('brief');
    const answer = await fake.waitForAnswer(i);
    expect(answer.requests.filter((r) => r.route === CALLBACK).map((r) => r.status)).toEqual([429, 204]);
    expect(
      bot.log.entries().some((e) => e.msg === 'discord answered 429; waiting it out' && e.level === 40),
    ).toBe(true);
  });

  it('survives a dropped gateway connection: resumes and keeps answering', async () => {
    fake.disconnect('terminate');
    await fake.waitForGateway();
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toHaveLength(1);
    const answer = await fake.waitForAnswer(await fake.dispatchCommand('help'));
    expect(answer.callbackType).toBe(4);
    expect(bot.log.entries().some((e) => e.msg === 'discord gateway resumed')).toBe(true);
  });

  it('logs structured lines for each interaction, and never the token', () => {
    const answered = bot.log.entries().filter((e) => e.msg === 'discord interaction answered');
    expect(answered.length).toBeGreaterThanOrEqual(8);
    expect(answered[0]).toMatchObject({
      platform: 'discord',
      transport: 'gateway',
      kind: 'command',
      command: 'brief',
    });
    expect(bot.log.text).not.toContain(fake.token);
    for (const r of fake.requests) if (r.params.token) expect(bot.log.text).not.toContain(r.params.token);
  });
});
