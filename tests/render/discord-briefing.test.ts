/** Discord: the brief briefing — limits and counts, outlets, age, the lead once with its other outlets, likely categories. */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { type DiscordMessagePayload, renderDiscordMessages } from '../../src/render/discord.ts';
import { messageProblems } from '../fakes/discord/validate.ts';
import { manyHeadlines, outletsBriefing } from '../helpers/outlets-briefing.ts';

const taxonomy = loadTaxonomy();
const render = (view: Reply['view']) => renderDiscordMessages({ view, visibility: 'public' }, taxonomy);
const descriptions = (pages: DiscordMessagePayload[]) =>
  pages.flatMap((p) => p.embeds.map((e) => e.description ?? '')).join('\n');

const b = outletsBriefing(
  [
    {
      title: 'Clinics change visiting rules',
      category: 'health',
      confidence: 0.05,
      hoursAgo: 2,
      outlets: [
        { name: 'BBC', url: 'https://www.bbc.co.uk/news/clinics?at_medium=RSS&amp;at_campaign=KARANGA' },
        { name: 'NPR' },
        { name: 'Reuters' },
        { name: 'AP' },
      ],
    },
    {
      title: 'Rates cut, the same story again',
      category: 'economy',
      storyId: 'lead-story',
    },
    ...manyHeadlines('markets', 12),
  ],
  {
    outlets: [
      { name: 'Wire', url: 'https://wire.example/rates?id=1' },
      { name: '@everyone News', url: 'https://evil.example/a?utm_source=rss' },
      { name: 'Reporter <@123456789012345678>' },
      { name: '**Bold** Times', url: 'https://bold.example/x_(y)' },
    ],
  },
);
const pages = render({ kind: 'brief', briefing: b });
const text = descriptions(pages);

describe('Discord /brief', () => {
  it('stays within every Discord limit and never pings', () => {
    for (const p of pages) {
      expect(messageProblems(p, { create: true })).toEqual([]);
      expect(p.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('shows the lead once, with the other outlets carrying it as links, mentions broken', () => {
    const lead = pages[0]?.embeds[0];
    expect(lead?.url).toBe('https://wire.example/rates?id=1');
    expect(lead?.description).toContain(
      '**Also reported by:** [@\u200beveryone News](https://evil.example/a), Reporter \\<@\u200b123456789012345678\\>, [\\*\\*Bold\\*\\* Times](https://bold.example/x_%28y%29)',
    );
    expect(text).not.toContain('Rates cut, the same story again');
    expect(JSON.stringify(pages)).not.toMatch(/@everyone|<@\d/);
  });

  it('gives a headline its first outlet and the count of the others, its age and a likely category', () => {
    expect(text).toContain(
      '• [Clinics change visiting rules](https://www.bbc.co.uk/news/clinics) — BBC and 3 others · 2 h ago · likely Health',
    );
  });

  it('shows 5 of 12 market headlines with the count of the rest, and the overall count', () => {
    const markets = pages.flatMap((p) => p.embeds).find((e) => e.title?.includes('Markets'));
    expect(markets?.title).toBe('💹 Markets · 12');
    expect(markets?.description?.split('\n')).toHaveLength(6);
    expect(markets?.description?.split('\n').at(-1)).toBe('*…and 7 more*');
    expect(text).toContain('*…and 7 more headlines* · `/headlines <category>` shows more of one category');
  });

  it('follows the limits the view carries', () => {
    const few = descriptions(
      render({ kind: 'brief', briefing: b, limits: { maxPerCategory: 2, maxHeadlines: 3 } }),
    );
    expect(few.match(/^• /gm)).toHaveLength(3);
    expect(few).toContain('*…and 10 more*');
    expect(few).toContain('*…and 10 more headlines*');
  });

  it('escapes outlet names in headlines too', () => {
    const hostile = outletsBriefing([
      { title: 'A story', category: 'sports', outlets: [{ name: '@here <@&987654321098765432> *x*' }] },
    ]);
    const out = descriptions(render({ kind: 'headlines', briefing: hostile }));
    expect(out).toContain('— @\u200bhere \\<@\u200b&987654321098765432\\> \\*x\\*');
  });
});
