/**
 * End to end over loopback: three outlets tell one story in their own words (different verbs, the amount
 * written three ways, one feed in Windows-1252), next to the day's other news. The briefing must lead
 * with that story once, list its three outlets, and summarize it from the article page when it is served
 * and from the three outlets' descriptions when it is not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../../src/core/briefing.ts';
import { createCategorizer } from '../../../src/core/categorizer.ts';
import { loadTaxonomy } from '../../../src/core/taxonomy.ts';
import { FeedSource } from '../../../src/sources/feeds/feed-source.ts';
import { articlePage, atomFeed, rssFeed } from '../../fakes/news/build-feed.ts';
import { FIXTURE_NOW, type NewsServer, startNewsServer } from '../../fakes/news-server.ts';

const hoursAgo = (h: number) => new Date(FIXTURE_NOW.getTime() - h * 3600_000);
const taxonomy = loadTaxonomy();
const categorizer = createCategorizer(taxonomy);

const ARTICLE = [
  'The Bank of Kestria cut its benchmark interest rate by half a percentage point to 3.25% on Tuesday, a larger move than economists had expected.',
  'Governor Ilse Marran said inflation had fallen faster than forecast and that the economy needed support after two quarters of weak growth.',
  'It was the first cut in four years. Most analysts had predicted a quarter-point reduction.',
  'The kestrel, the national currency, fell 1.2% against the euro after the announcement.',
];

let server: NewsServer;

function feeds(): void {
  server.set('/post.rss', {
    body: rssFeed({
      title: 'Harbour Post',
      items: [
        {
          title: "Kestria's central bank delivers surprise half-point rate cut",
          link: `${server.base}/post/kestria-rates`,
          date: hoursAgo(2),
          description:
            'The Bank of Kestria lowered borrowing costs by half a point to 3.25%, its first cut in four years. Governor Ilse Marran said inflation was falling faster than expected.',
        },
        {
          title: 'Ferry crews strike, halting crossings to Gull Island',
          link: `${server.base}/post/ferry`,
          date: hoursAgo(3),
          description: 'All crossings were cancelled as ferry crews walked out over pay.',
        },
        {
          title: 'Striker scores twice as City win the derby',
          link: `${server.base}/post/derby`,
          date: hoursAgo(5),
          description: 'A late double settled a tense derby at the harbour ground.',
        },
      ],
    }),
  });
  server.set('/times.atom', {
    body: atomFeed({
      title: 'Kestria Times',
      items: [
        {
          title: 'Kestria central bank lowers benchmark rate by 50 basis points',
          link: `${server.base}/times/rates`,
          guid: 'urn:times:1',
          date: hoursAgo(1),
          description:
            'Policymakers reduced the key rate by 50 basis points to 3.25 per cent, more than the quarter point most analysts had forecast. The kestrel weakened after the decision.',
        },
        {
          title: 'Gull Island cut off as ferry strike stops all sailings',
          link: `${server.base}/times/ferry`,
          guid: 'urn:times:2',
          date: hoursAgo(2),
          description: 'Islanders were stranded after ferry crews walked out in a dispute over pay.',
        },
        {
          title: 'Museum returns looted statues to their temple',
          link: `${server.base}/times/statues`,
          guid: 'urn:times:3',
          date: hoursAgo(6),
          description: 'Six bronze figures taken a century ago are home again.',
        },
      ],
    }),
  });
  // An older regional paper whose feed is still Windows-1252 (curly quotes and the euro sign in it).
  server.set('/courier.rss', {
    type: 'application/rss+xml; charset=windows-1252',
    encoding: 'windows-1252',
    body: rssFeed({
      title: 'Valley Courier',
      items: [
        {
          title: 'Central bank’s surprise: Kestria cuts key rate by 0.5 percentage points',
          link: `${server.base}/courier/rate-cut`,
          date: hoursAgo(3),
          description:
            'Savers lose out as the Bank of Kestria takes its rate down to 3.25% — mortgages on €200,000 get cheaper by about €80 a month.',
        },
        {
          title: 'Wildfire forces evacuations in hill towns',
          link: `${server.base}/courier/wildfire`,
          date: hoursAgo(4),
          description: 'Three villages were cleared overnight as the fire spread.',
        },
      ],
    }).replace('encoding="UTF-8"', 'encoding="windows-1252"'),
  });
}

beforeEach(async () => {
  server = await startNewsServer({});
  feeds();
});
afterEach(() => server.close());

async function brief() {
  const source = new FeedSource(
    {
      kind: 'urls',
      feeds: [
        { url: server.url('/post.rss'), name: 'Harbour Post', weight: 1 },
        // Heaviest: its item speaks for the story and its article is fetched.
        { url: server.url('/times.atom'), weight: 2 },
        { url: server.url('/courier.rss'), name: 'Valley Courier', weight: 1 },
      ],
    },
    { now: () => FIXTURE_NOW, timeoutMs: 5000 },
  );
  const news = await source.load();
  return Object.assign(
    buildBriefing(news, { source: source.name, categorizer, taxonomy, now: FIXTURE_NOW }),
    {
      news,
    },
  );
}

describe('one story, three outlets, three wordings', () => {
  it('leads with it once, lists its outlets, and summarizes the article page', async () => {
    server.set('/times/rates', { body: articlePage('Kestria cuts rates', ARTICLE), type: 'text/html' });
    const b = await brief();

    expect(b.lead.title).toBe('Kestria central bank lowers benchmark rate by 50 basis points');
    expect(b.lead.url).toBe(server.url('/times/rates'));
    expect(b.lead.outlets.map((o) => o.name)).toEqual(['Kestria Times', 'Harbour Post', 'Valley Courier']);
    expect(b.lead.outlets[2]?.url).toBe(server.url('/courier/rate-cut'));
    expect(b.lead.summary[0]?.text).toBe(ARTICLE[0]);

    // Not repeated among the headlines; the two-outlet ferry story is one headline, ranked first.
    const titles = b.headlines.map((h) => h.title);
    expect(titles.join('\n')).not.toMatch(/Kestria|rate/i);
    expect(b.headlines).toHaveLength(4);
    expect(b.headlines[0]?.outlets.map((o) => o.name)).toEqual(['Kestria Times', 'Harbour Post']);
    expect(titles.filter((t) => /ferry/i.test(t))).toHaveLength(1);
    expect(new Set(b.headlines.map((h) => h.storyId)).size).toBe(4);
    expect(b.headlines.map((h) => h.storyId)).not.toContain(b.lead.storyId);
  });

  it('summarizes the three descriptions, each sentence cited, when the page fails', async () => {
    server.set('/times/rates', { status: 404, body: 'gone' });
    const b = await brief();

    expect(b.lead.title).toBe('Kestria central bank lowers benchmark rate by 50 basis points');
    expect(b.lead.outlets).toHaveLength(3);
    expect(b.lead.summary.length).toBeGreaterThan(0);
    const cited = b.lead.summary.map((s) => s.source);
    expect(cited.every((c) => c && ['Kestria Times', 'Harbour Post', 'Valley Courier'].includes(c))).toBe(
      true,
    );
    expect(new Set(cited).size).toBeGreaterThan(1);
    // The Windows-1252 feed's text arrives intact, as one of the story's descriptions.
    const courier = b.news.story.descriptions?.find((d) => d.outlet === 'Valley Courier');
    expect(courier?.text).toContain('mortgages on €200,000');
  });
});
