/**
 * End to end over loopback: a WordPress-style feed whose every description ends with the same newsletter
 * plug and "The post … appeared first on …" line. Those words are the outlet's furniture; its different
 * stories must stay different stories in the briefing, while another outlet's telling of one of them
 * still joins it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../../src/core/briefing.ts';
import { createCategorizer } from '../../../src/core/categorizer.ts';
import { loadTaxonomy } from '../../../src/core/taxonomy.ts';
import { FeedSource } from '../../../src/sources/feeds/feed-source.ts';
import { rssFeed } from '../../fakes/news/build-feed.ts';
import { FIXTURE_NOW, type NewsServer, startNewsServer } from '../../fakes/news-server.ts';

const hoursAgo = (h: number) => new Date(FIXTURE_NOW.getTime() - h * 3600_000);
const taxonomy = loadTaxonomy();
const categorizer = createCategorizer(taxonomy);

const GAZETTE_STORIES = [
  ['Council approves new river bridge budget', 'The plan passed by nine votes to four.'],
  ['Storm floods coastal towns overnight', 'Hundreds of homes were evacuated.'],
  ['Chipmaker unveils faster processor', 'The chip is due in shops next spring.'],
  ['Court jails fraudster for ten years', 'The judge called the scheme cruel.'],
  ['Scientists find water on a distant moon', 'The find came from telescope data.'],
  ['Teachers vote for a national walkout', 'The union wants a pay rise above inflation.'],
] as const;

let server: NewsServer;

beforeEach(async () => {
  server = await startNewsServer({});
  server.set('/gazette.rss', {
    body: rssFeed({
      title: 'Daily Gazette',
      items: GAZETTE_STORIES.map(([title, lede], i) => ({
        title,
        link: `${server.base}/gazette/${i}`,
        date: hoursAgo(i + 1),
        description: `${lede} Subscribe to the Daily Gazette newsletter for breaking news every morning. The post ${title} appeared first on Daily Gazette Online.`,
      })),
    }),
  });
  server.set('/herald.rss', {
    body: rssFeed({
      title: 'Coast Herald',
      items: [
        {
          title: 'Overnight storm floods coastal towns, hundreds evacuated',
          link: `${server.base}/herald/storm`,
          date: hoursAgo(2),
          description: 'Hundreds of homes along the coast were evacuated as the storm hit overnight.',
        },
      ],
    }),
  });
});
afterEach(() => server.close());

describe('an outlet’s repeated sign-off is not a story', () => {
  it('keeps the outlet’s stories apart and joins another outlet’s telling of one of them', async () => {
    const source = new FeedSource(
      {
        kind: 'urls',
        feeds: [
          { url: server.url('/gazette.rss'), name: 'Daily Gazette', weight: 1 },
          { url: server.url('/herald.rss'), name: 'Coast Herald', weight: 1 },
        ],
      },
      { now: () => FIXTURE_NOW, timeoutMs: 5000 },
    );
    const news = await source.load();
    const b = buildBriefing(news, { source: source.name, categorizer, taxonomy, now: FIXTURE_NOW });
    // Six stories in all: the storm (two outlets) leads, the other five are headlines of their own.
    expect(b.lead.outlets.map((o) => o.name).sort()).toEqual(['Coast Herald', 'Daily Gazette']);
    expect(b.headlines).toHaveLength(GAZETTE_STORIES.length - 1);
    expect(new Set(b.headlines.map((h) => h.storyId)).size).toBe(GAZETTE_STORIES.length - 1);
  });
});
