import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import type { Briefing } from '../../src/core/schemas.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import {
  type DiscordMessagePayload,
  discordChoices,
  embedLength,
  escapeDiscordMarkdown,
  fitEmbed,
  neutralizeMentions,
  renderDiscordMessages,
  renderDiscordPage,
  totalEmbedLength,
} from '../../src/render/discord.ts';
import { messageProblems } from '../fakes/discord/validate.ts';

const taxonomy = loadTaxonomy();
const ids = taxonomy.categories.map((c) => c.id);

function briefing(
  over: { headlines?: Briefing['headlines']; lead?: Partial<Briefing['lead']> } = {},
): Briefing {
  return {
    generatedAt: '2026-11-24T08:00:00.000Z',
    source: 'sample news',
    lead: {
      title: 'Ports agree a $5 billion green shipping fund',
      url: 'https://news.example.com/ports',
      source: 'Example Wire',
      summary: [
        { text: 'Five countries agreed to create a fund.', paragraph: 0, sentence: 0, index: 0 },
        { text: 'The minister called it historic.', paragraph: 1, sentence: 0, index: 2 },
      ],
      keyFacts: [
        { type: 'money', text: '$5 billion' },
        { type: 'person', text: 'Helena Duarte' },
        { type: 'money', text: '$3 million' },
      ],
      totalSentences: 12,
      storyId: 'lead',
      outlets: [{ name: 'Example Wire', url: 'https://news.example.com/ports' }],
      ...over.lead,
    },
    headlines: over.headlines ?? [
      headline('Stocks climb to record high', 'markets', {
        url: 'https://news.example.com/a',
        source: 'Wire',
      }),
      headline('Central bank holds rates', 'economy'),
      headline('Striker scores twice', 'sports'),
    ],
    categories: {},
  };
}

function headline(title: string, category: string, extra: { url?: string; source?: string } = {}) {
  const outlets = extra.source ? [{ name: extra.source, ...(extra.url ? { url: extra.url } : {}) }] : [];
  return { title, category, confidence: 0.9, scores: { [category]: 0.9 }, storyId: title, outlets, ...extra };
}

const reply = (view: Reply['view'], notices?: string[]): Reply => ({ view, visibility: 'public', notices });

/** Shows every headline: for the tests of Discord's own limits on huge input. */
const ALL = { maxPerCategory: 100_000, maxHeadlines: 100_000 };

function allText(payloads: DiscordMessagePayload[]): string {
  return JSON.stringify(payloads.map((p) => ({ content: p.content, embeds: p.embeds })));
}

function expectWithinLimits(payloads: DiscordMessagePayload[]): void {
  for (const p of payloads) {
    expect(messageProblems(p, { create: true })).toEqual([]);
    expect(p.allowed_mentions).toEqual({ parse: [] });
  }
}

describe('renderDiscordMessages: /brief', () => {
  const [page] = renderDiscordMessages(reply({ kind: 'brief', briefing: briefing() }), taxonomy);

  it('puts the lead first: linked title, summary, key facts as fields', () => {
    const lead = page?.embeds[0];
    expect(lead?.title).toBe('Ports agree a $5 billion green shipping fund');
    expect(lead?.url).toBe('https://news.example.com/ports');
    expect(lead?.description).toBe(
      'Five countries agreed to create a fund. The minister called it historic.',
    );
    expect(lead?.author?.name).toContain('2 of 12 sentences');
    expect(lead?.fields).toEqual([
      { name: '💰 Amounts', value: '$5 billion · $3 million', inline: true },
      { name: '👤 People', value: 'Helena Duarte', inline: true },
    ]);
  });

  it('gives each category its own embed with the taxonomy colour and emoji, in taxonomy order', () => {
    const byId = (id: string) => taxonomy.categories.find((c) => c.id === id);
    const embeds = page?.embeds.slice(1) ?? [];
    const expected = ids.filter((id) => ['markets', 'economy', 'sports'].includes(id));
    expect(embeds).toHaveLength(3);
    embeds.forEach((e, i) => {
      const c = byId(expected[i] ?? '');
      expect(e.title).toBe(`${c?.emoji} ${c?.label} · 1`);
      expect(e.color).toBe(Number.parseInt((c?.color ?? '').slice(1), 16));
    });
    const markets = embeds.find((e) => e.title?.includes('Markets'));
    expect(markets?.description).toBe('• [Stocks climb to record high](https://news.example.com/a) — Wire');
  });

  it('ends with the source and time in the footer, and never pings', () => {
    expect(page?.embeds.at(-1)?.footer?.text).toBe('Example Wire · sample news · 24 Nov 2026, 08:00 UTC');
    expect(page?.allowed_mentions).toEqual({ parse: [] });
    expect(page?.content).toBeUndefined();
  });

  it('shows notices as message content, on the first message only', () => {
    const b = briefing({
      headlines: Array.from({ length: 120 }, (_, i) => headline(`Story ${i} ${'x'.repeat(80)}`, 'markets')),
    });
    const pages = renderDiscordMessages(
      reply({ kind: 'brief', briefing: b, limits: ALL }, ['Source failed; these are 2 h old']),
      taxonomy,
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]?.content).toBe('⚠️ Source failed; these are 2 h old');
    expect(pages.slice(1).every((p) => p.content === undefined)).toBe(true);
  });
});

describe('renderDiscordMessages: limits', () => {
  const manyHeadlines = Array.from({ length: 200 }, (_, i) =>
    headline(
      `${i % 9 === 0 ? 'A '.repeat(300) : ''}Headline number ${i} about something that happened today`,
      ids[i % ids.length] ?? 'other',
      {
        url: `https://news.example.com/${i % 4 === 0 ? 'x'.repeat(600) : `story-${i}`}`,
        source: i % 3 ? 'Example Wire' : undefined,
      },
    ),
  );
  const hugeSentence = `${'word '.repeat(10_000)}end.`;
  const huge = briefing({
    headlines: manyHeadlines,
    lead: {
      title: 'T'.repeat(1000),
      summary: [{ text: hugeSentence, paragraph: 0, sentence: 0, index: 0 }],
      keyFacts: Array.from({ length: 400 }, (_, i) => ({
        type:
          (['money', 'percent', 'date', 'time', 'person', 'organization', 'place'] as const)[i % 7] ??
          'money',
        text: `fact number ${i} ${'z'.repeat(30)}`,
      })),
      totalSentences: 900,
    },
  });

  it('splits 200 headlines into messages that each pass every Discord limit, losing none', () => {
    const pages = renderDiscordMessages(reply({ kind: 'brief', briefing: huge, limits: ALL }), taxonomy);
    expect(pages.length).toBeGreaterThan(1);
    expectWithinLimits(pages);
    for (const p of pages) expect(totalEmbedLength(p)).toBeLessThanOrEqual(6000);
    const bullets = pages.flatMap((p) => p.embeds.slice()).flatMap((e) => (e.description ?? '').split('\n'));
    expect(bullets.filter((l) => l.startsWith('• '))).toHaveLength(200);
    // Pages are numbered in the footer so a digest reader knows there is more.
    expect(pages.at(-1)?.embeds.at(-1)?.footer?.text).toMatch(
      new RegExp(` · ${pages.length}/${pages.length}$`),
    );
  });

  it('keeps a 50 kB story inside one message: description ≤ 4,096, fields ≤ 1,024, total ≤ 6,000', () => {
    const [page, ...rest] = renderDiscordMessages(reply({ kind: 'story', briefing: huge }), taxonomy);
    expect(rest).toEqual([]);
    expectWithinLimits([page as DiscordMessagePayload]);
    const lead = page?.embeds[0];
    expect(lead?.title?.length).toBeLessThanOrEqual(256);
    expect(lead?.description?.endsWith('…')).toBe(true);
    expect(page?.components?.[0]?.components[0]).toMatchObject({
      style: 5,
      url: 'https://news.example.com/ports',
    });
  });

  it('cuts a very long URL out of the markdown link rather than blowing the budget', () => {
    const pages = renderDiscordMessages(reply({ kind: 'headlines', briefing: huge, limits: ALL }), taxonomy);
    expect(allText(pages)).not.toContain('x'.repeat(600));
  });

  it('fitEmbed shrinks description, then fields, until the embed fits', () => {
    const e = fitEmbed(
      { title: 't', description: 'd'.repeat(4000), fields: [{ name: 'n', value: 'v'.repeat(1000) }] },
      2000,
    );
    expect(embedLength(e)).toBeLessThanOrEqual(2000);
    expect(e.fields).toHaveLength(1);
  });
});

describe('renderDiscordMessages: untrusted text', () => {
  const hostile = [
    '@everyone markets crash',
    '@here rally',
    'Reporter <@123456789012345678> wins',
    'Role <@&987654321098765432> named',
    '**bold** and [a link](https://evil.example) and `code`',
  ];
  const b = briefing({
    headlines: hostile.map((t) => headline(t, 'markets')),
    lead: { title: '@everyone lead <@123456789012345678>' },
  });
  const pages = renderDiscordMessages(reply({ kind: 'brief', briefing: b }, ['@everyone notice']), taxonomy);
  const text = allText(pages);

  it('breaks every mention so it can never ping, while keeping it readable', () => {
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
    expect(text).toContain('@\u200beveryone');
    expect(pages.every((p) => JSON.stringify(p.allowed_mentions) === '{"parse":[]}')).toBe(true);
  });

  it('escapes markdown so a headline cannot bold text or inject a link', () => {
    const markets = pages[0]?.embeds.find((e) => e.title?.includes('Markets'));
    expect(markets?.description).toContain(
      '\\*\\*bold\\*\\* and \\[a link\\](https://evil.example) and \\`code\\`',
    );
  });

  it('neutralizeMentions and escapeDiscordMarkdown are idempotent-safe building blocks', () => {
    expect(neutralizeMentions(neutralizeMentions('@everyone'))).toBe('@\u200beveryone');
    expect(escapeDiscordMarkdown('# title')).toBe('\\# title');
    expect(escapeDiscordMarkdown('a_b*c~d|e')).toBe('a\\_b\\*c\\~d\\|e');
  });
});

describe('renderDiscordMessages: other views', () => {
  it('/headlines <category> shows only that category', () => {
    const [page] = renderDiscordMessages(
      reply({ kind: 'headlines', briefing: briefing(), category: 'sports' }),
      taxonomy,
    );
    expect(page?.embeds).toHaveLength(1);
    expect(page?.embeds[0]?.title).toContain('Sport');
  });

  it('/headlines of an empty category says so', () => {
    const [page] = renderDiscordMessages(
      reply({ kind: 'headlines', briefing: briefing(), category: 'science' }),
      taxonomy,
    );
    expect(page?.embeds[0]?.description).toMatch(/^No headlines in .+ today\.$/);
  });

  it('/help lists each command as a field', () => {
    const [page] = renderDiscordMessages(
      reply({
        kind: 'help',
        commands: [
          { name: 'brief', description: 'The briefing', options: [] },
          {
            name: 'story',
            description: 'The lead',
            options: [{ name: 'sentences', description: 'n', type: 'integer' }],
          },
        ],
      }),
      taxonomy,
    );
    expect(page?.embeds[0]?.fields).toEqual([
      { name: '/brief', value: 'The briefing' },
      { name: '/story [sentences]', value: 'The lead' },
    ]);
  });

  it('an error message is a red embed with a title', () => {
    const [page] = renderDiscordMessages(
      reply({
        kind: 'message',
        tone: 'error',
        title: 'Could not do that',
        text: 'The source_file is missing.',
      }),
      taxonomy,
    );
    expect(page?.embeds[0]).toEqual({
      color: 0xef4444,
      title: '✖️ Could not do that',
      description: 'The source\\_file is missing.',
    });
  });
});

describe('renderDiscordPage', () => {
  const b = briefing({
    headlines: Array.from({ length: 150 }, (_, i) =>
      headline(`Story ${i} ${'y'.repeat(100)}`, ids[i % 5] ?? 'other'),
    ),
  });
  const r = reply({ kind: 'headlines', briefing: b, limits: ALL });
  const pageId = (p: number) => `bp|headlines|${p}|`;

  it('adds ◀ page ▶ buttons with unique custom ids, disabled at the ends', () => {
    const first = renderDiscordPage(r, taxonomy, { page: 0, pageId });
    expect(first.pages).toBeGreaterThan(2);
    const [prev, indicator, next] = first.payload.components?.[0]?.components ?? [];
    expect(prev).toMatchObject({ disabled: true });
    expect(indicator).toMatchObject({ label: `Page 1 of ${first.pages}`, disabled: true });
    expect(next).toMatchObject({ custom_id: 'bp|headlines|1|', disabled: false });
    expectWithinLimits([first.payload]);

    const last = renderDiscordPage(r, taxonomy, { page: 99, pageId });
    expect(last.page).toBe(first.pages - 1);
    expect(last.payload.components?.[0]?.components[2]).toMatchObject({ disabled: true });
    expectWithinLimits([last.payload]);
  });

  it('has no buttons when everything fits on one page', () => {
    const one = renderDiscordPage(reply({ kind: 'brief', briefing: briefing() }), taxonomy, { pageId });
    expect(one.pages).toBe(1);
    expect(one.payload.components).toBeUndefined();
  });

  it('leaves the buttons out rather than send a custom_id over 100 characters', () => {
    const long = renderDiscordPage(r, taxonomy, { pageId: (p) => `${'x'.repeat(100)}${p}` });
    expect(long.payload.components).toBeUndefined();
  });
});

describe('discordChoices', () => {
  it('keeps at most 25 choices with names of at most 100 characters', () => {
    const choices = discordChoices(
      Array.from({ length: 30 }, (_, i) => ({ name: `${'n'.repeat(150)}${i}`, value: `v${i}` })),
    );
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100)).toBe(true);
  });
});
