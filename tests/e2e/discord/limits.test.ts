/**
 * Big and hostile news through the real bot: 200 headlines and a 50 kB story never produce a
 * message Discord rejects (the fake enforces Discord's limits), long lists page with buttons, and
 * mention text in headlines never pings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest, StoredMessage } from '../../fakes/discord/fake-discord.ts';
import { bigNews, HOSTILE_TITLES, hostileNews, staticSource } from '../../fakes/discord/news.ts';
import { type Bot, startBot } from './harness.ts';

const SHOW_ALL = { BRIEFER_MAX_PER_CATEGORY: '1000', BRIEFER_MAX_HEADLINES: '1000' };

function messageBodies(requests: RecordedRequest[]): Array<Record<string, unknown>> {
  return requests.flatMap((r) => {
    const body = r.body as
      | { type?: number; data?: Record<string, unknown> }
      | Record<string, unknown>
      | undefined;
    if (!body) return [];
    if (r.route.endsWith('/callback')) {
      const data = (body as { data?: Record<string, unknown> }).data;
      return data && 'embeds' in data ? [data] : [];
    }
    return 'embeds' in body ? [body as Record<string, unknown>] : [];
  });
}

describe('a briefing with 200 headlines and a 50 kB story', () => {
  let bot: Bot;
  beforeAll(async () => {
    // Every headline shown, to test Discord's own limits (the briefing limits have their own tests).
    bot = await startBot({ source: staticSource(bigNews(), 'big news'), env: SHOW_ALL });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('answers /brief, /story and /headlines without a single rejected message', async () => {
    const { fake } = bot;
    for (const [name, options] of [
      ['brief', {}],
      ['story', { sentences: 10 }],
      ['headlines', {}],
      ['headlines', { category: 'markets' }],
    ] as const) {
      const i = await fake.dispatchCommand(name, options);
      const answer = await fake.waitForAnswer(i);
      for (const r of answer.requests)
        expect({ route: r.route, status: r.status, problems: r.problems }).toMatchObject({ problems: [] });
      expect(answer.requests.every((r) => r.status < 300)).toBe(true);
      expect(answer.message?.embeds.length).toBeGreaterThan(0);
    }
    expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('pages a long headline list with buttons; Next shows the following page in place', async () => {
    const { fake } = bot;
    const first = await fake.waitForAnswer(await fake.dispatchCommand('headlines'));
    const row = first.message?.components[0] as {
      components: Array<{ custom_id: string; label: string; disabled?: boolean }>;
    };
    const [prev, indicator, next] = row.components;
    expect(prev?.disabled).toBe(true);
    expect(indicator?.label).toMatch(/^Page 1 of (\d+)$/);
    const pages = Number(indicator?.label.split(' of ')[1]);
    expect(pages).toBeGreaterThan(2);

    const firstEmbeds = structuredClone(first.message?.embeds);
    const click = await fake.dispatchButton(first.message as StoredMessage, next?.custom_id ?? '');
    const second = await fake.waitForAnswer(click);
    expect(second.callbackType).toBe(7);
    const after = second.message?.components[0] as typeof row;
    expect(after.components[1]?.label).toBe(`Page 2 of ${pages}`);
    expect(second.message?.embeds).not.toEqual(firstEmbeds);

    // Every headline is reachable: page through a fresh /headlines and count the bullets.
    const fresh = await fake.waitForAnswer(await fake.dispatchCommand('headlines'));
    const message = fresh.message as StoredMessage;
    const seen = new Set<string>();
    let bullets = 0;
    for (let p = 0; p < pages; p++) {
      const current = message.components[0] as typeof row;
      expect(current.components[1]?.label).toBe(`Page ${p + 1} of ${pages}`);
      bullets += JSON.stringify(message.embeds).split('• ').length - 1;
      seen.add(JSON.stringify(message.embeds));
      // The click updates this same message in place, as on Discord.
      if (p < pages - 1)
        await fake.waitForAnswer(await fake.dispatchButton(message, current.components[2]?.custom_id ?? ''));
    }
    expect(seen.size).toBe(pages);
    expect(bullets).toBe(200);
  });
});

describe('headlines that try to ping', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ source: staticSource(hostileNews(), 'hostile news') });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('never ping: allowed_mentions is empty and mention text is broken, on every reply', async () => {
    const { fake } = bot;
    for (const name of ['brief', 'headlines', 'story'])
      await fake.waitForAnswer(await fake.dispatchCommand(name));
    const bodies = messageBodies(fake.requests);
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) {
      expect(body.allowed_mentions).toEqual({ parse: [] });
      const text = JSON.stringify({ content: body.content, embeds: body.embeds });
      expect(text).not.toMatch(/@everyone|@here|<@!?\d+>|<@&\d+>/);
    }
    // Still readable: every hostile headline is shown, its mentions inert.
    const all = JSON.stringify(bodies);
    expect(all).toContain('@\u200beveryone Markets crash');
    expect(all).toContain('\\\\<@\u200b&987654321098765432\\\\>');
    expect(all.split('• ').length - 1).toBeGreaterThanOrEqual(HOSTILE_TITLES.length);
  });
});
