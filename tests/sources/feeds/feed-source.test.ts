/**
 * FeedSource end to end over loopback: fixture feeds and article pages from tests/fakes/news, served by
 * the fake news server, read the way the bot reads them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/core/errors.ts';
import type { News } from '../../../src/core/schemas.ts';
import { FeedSource } from '../../../src/sources/feeds/feed-source.ts';
import type { FeedSpec } from '../../../src/sources/feeds/feed-spec.ts';
import type { FeedOptions } from '../../../src/sources/feeds/options.ts';
import { articlePage, type FixtureItem, rssFeed } from '../../fakes/news/build-feed.ts';
import {
  FIXTURE_NOW,
  huge,
  type NewsServer,
  redirect,
  silent,
  startNewsServer,
} from '../../fakes/news-server.ts';
import { recordingLogger } from './log-recorder.ts';

let server: NewsServer;
let log: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  log = recordingLogger();
  server = await startNewsServer({
    '/feeds/harbor-wire.rss': { file: 'harbor-wire.rss' },
    '/feeds/coast-gazette.atom': { file: 'coast-gazette.atom' },
    '/feeds/daily-ledger.rdf': { file: 'daily-ledger.rdf' },
    '/gazette/tidal-power': { file: 'articles/tidal-power.html' },
    '/articles/tidal-power.html': { file: 'articles/tidal-power.html' },
  });
});
afterEach(() => server.close());

const THREE_FEEDS = (): FeedSpec[] => [
  { url: server.url('/feeds/harbor-wire.rss'), name: 'Harbor Wire', weight: 1 },
  { url: server.url('/feeds/coast-gazette.atom'), weight: 2 },
  { url: server.url('/feeds/daily-ledger.rdf'), weight: 1 },
];

function source(feeds: FeedSpec[], options: Partial<FeedOptions> = {}): FeedSource {
  return new FeedSource(
    { kind: 'urls', feeds },
    { now: () => FIXTURE_NOW, logger: log, timeoutMs: 5000, ...options },
  );
}

const titles = (news: News) => news.headlines.map((h) => h.title);
const warnings = () => log.at('warn').map((e) => `${e.msg}: ${String(e.obj.reason ?? '')}`);

describe('FeedSource: several feeds, one briefing', () => {
  it('leads with the story most feeds carry, with the text of its article', async () => {
    const news = await source(THREE_FEEDS()).load();
    expect(news.story).toMatchObject({
      title: 'Port Alder tidal power plant starts supplying 40,000 homes',
      source: 'The Coast Gazette',
      url: server.url('/gazette/tidal-power'),
      publishedAt: '2026-11-24T10:30:00.000Z',
    });
    expect(news.story.paragraphs[0]).toMatch(
      /^The tidal power station at Port Alder began feeding electricity/,
    );
    expect(news.story.paragraphs.join(' ')).not.toMatch(/cookies|All rights reserved|Related stories/);
    expect(warnings()).toEqual([]);
  });

  it('lists every other story once, with all its sources, most-covered then newest first', async () => {
    const news = await source(THREE_FEEDS()).load();
    expect(titles(news)).toEqual([
      'Gull Island ferry crossings halted by strike',
      'Eastvale council approves museum and library merger',
      'Orchard growers report record apple harvest',
      'Regional rail timetable changes from Sunday',
      'Bridge repairs on the Coast Road delayed until spring',
    ]);
    expect(news.headlines[0]).toMatchObject({
      title: 'Gull Island ferry crossings halted by strike',
      url: server.url('/gazette/ferry'),
      source: 'The Coast Gazette',
      publishedAt: '2026-11-24T09:20:00.000Z',
    });
    expect(news.headlines[0]?.outlets?.map((o) => o.name)).toEqual(['The Coast Gazette', 'Harbor Wire']);
    // Relative links resolved; the lead is not repeated; the 4-day-old item is not today's news.
    expect(news.headlines.at(-1)?.url).toBe(server.url('/local/bridge-repairs'));
    expect(titles(news).join('\n')).not.toMatch(/tidal|Lighthouse/i);
  });

  it('identifies itself to every server it reads', async () => {
    await source(THREE_FEEDS()).load();
    expect(server.requests.length).toBeGreaterThanOrEqual(4);
    for (const r of server.requests) expect(r.headers['user-agent']).toMatch(/^Briefer\/\S+ \(/);
  });

  it('shows more days of news when asked', async () => {
    const news = await source(THREE_FEEDS(), { headlineHours: 24 * 7 }).load();
    expect(titles(news)).toContain("Lighthouse keepers' archive opens to the public");
  });

  it('is named after its feeds', async () => {
    expect(source(THREE_FEEDS()).name).toBe('3 feeds');
    const one = source([{ url: server.url('/feeds/coast-gazette.atom'), weight: 1 }]);
    await one.load();
    expect(one.name).toBe('The Coast Gazette');
  });
});

describe('FeedSource: the lead story', () => {
  it("falls back to the feed's content when the article can't be fetched", async () => {
    server.set('/gazette/tidal-power', { status: 404, body: 'gone' });
    const news = await source(THREE_FEEDS()).load();
    expect(news.story.title).toBe('Port Alder tidal power plant starts supplying 40,000 homes');
    expect(news.story.paragraphs[0]).toMatch(/^Port Alder's tidal power station began sending electricity/);
    expect(warnings()).toEqual(['lead article unreadable; trying the feed text: HTTP 404 Not Found']);
  });

  it('does not take a consent wall for the article', async () => {
    server.set('/gazette/tidal-power', { file: 'articles/consent-wall.html' });
    const news = await source(THREE_FEEDS()).load();
    expect(news.story.paragraphs.join(' ')).not.toMatch(/cookies/);
    expect(warnings()[0]).toMatch(/does not match the headline/);
  });

  it('moves on to the next story when one has neither article nor feed text', async () => {
    const items = (prefix: string): FixtureItem[] => [
      {
        title: 'Ferry strike halts crossings to Gull Island',
        link: server.url(`/${prefix}/ferry`),
        date: new Date('2026-11-24T10:00:00Z'),
      },
    ];
    server.set('/a.rss', { body: rssFeed({ title: 'A', items: items('a') }) });
    server.set('/b.rss', {
      body: rssFeed({
        title: 'B',
        items: [
          ...items('b'),
          {
            title: 'Orchard growers report record apple harvest',
            link: server.url('/b/apples'),
            date: new Date('2026-11-24T09:00:00Z'),
          },
        ],
      }),
    });
    server.set('/b/apples', {
      type: 'text/html',
      body: articlePage('Orchard growers report record apple harvest', [
        'Orchard growers across the valley say this year’s apple harvest is the largest on record, after a warm and wet spring.',
        'The growers’ association counted 48,000 tonnes, a fifth more than last year, and warned that prices at the farm gate would fall.',
        'Cider makers said they would take as much of the surplus as they could store before the new year.',
        'Pickers were paid a bonus for working through two weekends in October, and several farms hired students from the town.',
      ]),
    });
    const news = await source([
      { url: server.url('/a.rss'), weight: 1 },
      { url: server.url('/b.rss'), weight: 1 },
    ]).load();
    expect(news.story.title).toBe('Orchard growers report record apple harvest');
    expect(titles(news)).toEqual(['Ferry strike halts crossings to Gull Island']);
    expect(news.headlines[0]?.outlets?.map((o) => o.name)).toEqual(['A', 'B']);
    expect(log.at('warn').map((e) => e.msg)).toEqual([
      'lead article unreadable; trying the feed text',
      'no article or feed text for this story; trying the next one',
    ]);
  });

  it('still builds, headline only, when no story has any text', async () => {
    server.set('/a.rss', {
      body: rssFeed({ title: 'A', items: [{ title: 'Winter market returns to the village green' }] }),
    });
    const news = await source([{ url: server.url('/a.rss'), weight: 1 }]).load();
    expect(news.story).toMatchObject({
      title: 'Winter market returns to the village green',
      paragraphs: ['Winter market returns to the village green'],
    });
    expect(log.at('warn').at(-1)?.msg).toBe('no story had readable text; the lead shows its headline only');
  });

  it('breaks a tie in coverage by feed weight', async () => {
    const feed = (title: string, story: string) => ({
      body: rssFeed({
        title,
        items: [
          { title: story, description: `${story}. `.repeat(4), date: new Date('2026-11-24T08:00:00Z') },
        ],
      }),
    });
    server.set('/light1.rss', feed('Light One', 'Ferry strike halts crossings to Gull Island'));
    server.set('/light2.rss', feed('Light Two', 'Ferry strike halts crossings to Gull Island'));
    server.set('/heavy1.rss', feed('Heavy One', 'Orchard growers report record apple harvest'));
    server.set('/heavy2.rss', feed('Heavy Two', 'Orchard growers report record apple harvest'));
    const news = await source([
      { url: server.url('/light1.rss'), weight: 1 },
      { url: server.url('/light2.rss'), weight: 1 },
      { url: server.url('/heavy1.rss'), weight: 3 },
      { url: server.url('/heavy2.rss'), weight: 1 },
    ]).load();
    expect(news.story.title).toBe('Orchard growers report record apple harvest');
    expect(news.story.source).toBe('Heavy One');
  });
});

describe('FeedSource: bad input never sinks the briefing', () => {
  const bad: Array<[string, Parameters<NewsServer['set']>[1], RegExp]> = [
    ['/bad/missing.rss', { status: 404, body: 'no' }, /^HTTP 404 Not Found$/],
    ['/bad/loop', redirect('/bad/loop2'), /^redirect loop \(\/bad\/loop → \/bad\/loop2 → \/bad\/loop\)$/],
    ['/bad/huge.rss', huge(20 * 1024 * 1024), /^response too large \(over the 256\.0 kB limit\)$/],
    ['/bad/slow.rss', silent, /^timed out after 1 s$/],
    [
      '/bad/page.html',
      { file: 'not-a-feed.html' },
      /^is an HTML page, not a feed \(the page links to a feed: .*\/gazette\/feed\.atom\)$/,
    ],
    ['/bad/empty.rss', { file: 'empty.rss' }, /^the feed has no items$/],
    ['/bad/json', { body: '{"items": []}', type: 'application/json' }, /^is not XML/],
  ];

  it('logs each broken feed with its reason and builds from the others', async () => {
    server.set('/bad/loop2', redirect('/bad/loop'));
    for (const [path, route] of bad) server.set(path, route);
    const feeds = [...THREE_FEEDS(), ...bad.map(([path]) => ({ url: server.url(path), weight: 1 }))];
    // A small cap keeps the 20 MB test quick; the deadline is short because one server never answers.
    const src = source(feeds, { timeoutMs: 1000, maxBytes: 256 * 1024 });
    const news = await src.load();

    expect(news.story.title).toBe('Port Alder tidal power plant starts supplying 40,000 homes');
    expect(news.headlines).toHaveLength(5);
    for (const [path, , reason] of bad) {
      const entry = log.at('warn').find((e) => e.obj.url === server.url(path));
      expect(entry?.msg, path).toBe('feed failed');
      expect(String(entry?.obj.reason), path).toMatch(reason);
      const status = src.status().find((s) => s.url === server.url(path));
      expect(status?.lastError?.message, path).toMatch(/^127\.0\.0\.1:\d+\/bad\//);
      expect(status?.lastSuccess).toBeUndefined();
    }
    expect(log.at('warn').find((e) => e.msg.startsWith('some feeds failed'))?.obj).toMatchObject({
      failed: 7,
      feeds: 10,
    });
  });

  it('reads legacy encodings: header charset, XML prolog, and UTF-8 that was not', async () => {
    server.set('/enc/1252.rss', {
      file: 'windows-1252.rss',
      encoding: 'windows-1252',
      type: 'application/rss+xml; charset=windows-1252',
    });
    server.set('/enc/latin1.rss', { file: 'latin1.rss', encoding: 'latin1', type: 'application/xml' });
    server.set('/enc/mislabelled.rss', {
      file: 'mislabelled.rss',
      encoding: 'windows-1252',
      type: 'text/xml; charset=utf-8',
    });
    const news = await source(
      ['/enc/1252.rss', '/enc/latin1.rss', '/enc/mislabelled.rss'].map((p) => ({
        url: server.url(p),
        weight: 1,
      })),
    ).load();
    const all = [news.story.title, ...titles(news)];
    expect(all).toEqual(
      expect.arrayContaining([
        'Café owners say “record” summer brought in €2m',
        'Señora Núñez wins the Ålborg chess open at 81',
        'Hillside bakery’s “giant loaf” enters the record books',
      ]),
    );
    expect(log.at('info').map((e) => e.msg)).toContain(
      'declared utf-8 but not valid UTF-8, decoded as windows-1252',
    );
  });

  it('keeps what broken XML still holds, and says so', async () => {
    server.set('/broken.xml', { file: 'malformed.xml' });
    const news = await source([{ url: server.url('/broken.xml'), weight: 1 }]).load();
    expect([news.story.title, ...titles(news)]).toContain(
      'Harbour wall repairs finished ahead of storms & high tides',
    );
    expect(log.at('info').map((e) => e.msg)).toContain(
      'feed XML is cut short or malformed; kept the items that could be read',
    );
  });

  it('keeps items without links or dates, and skips items without a title', async () => {
    server.set('/undated.rss', { file: 'undated.rss' });
    const news = await source([...THREE_FEEDS(), { url: server.url('/undated.rss'), weight: 1 }]).load();
    const market = news.headlines.find((h) => h.title === 'Winter market returns to the village green');
    expect(market).toMatchObject({
      title: 'Winter market returns to the village green',
      source: 'Village Noticeboard',
      outlets: [{ name: 'Village Noticeboard' }],
    });
    expect(market?.url).toBeUndefined();
    expect(market?.publishedAt).toBeUndefined();
    // Undated stories can't claim to be the newest: they come after dated ones with the same coverage.
    expect(titles(news).slice(-2).sort()).toEqual([
      'Library extends Sunday opening hours',
      'Winter market returns to the village green',
    ]);
    expect(log.at('info').find((e) => e.msg === 'feed items without a title skipped')?.obj.skipped).toBe(1);
    expect(log.at('info').find((e) => e.msg.startsWith('feed items without a date'))?.obj).toMatchObject({
      undated: 2,
      unlinked: 1,
    });
  });
});

describe('FeedSource: across refreshes', () => {
  it.each([
    ['an HTTP error', { status: 500, body: 'oops' }, 'HTTP 500 Internal Server Error'],
    ['an empty feed', { file: 'empty.rss' }, 'the feed has no items'],
    ['an HTML page', { file: 'not-a-feed.html' }, 'is an HTML page'],
  ])('a feed that turns into %s keeps its last good items', async (_, route, reason) => {
    const src = source(THREE_FEEDS());
    const before = await src.load();
    server.set('/feeds/coast-gazette.atom', route);
    const after = await src.load();
    expect(after).toEqual(before);
    const warning = log.at('warn').find((e) => e.msg === 'feed failed; using its last good result');
    expect(String(warning?.obj.reason)).toContain(reason);
    const status = src.status().find((s) => s.name === 'The Coast Gazette');
    expect(status).toMatchObject({ usingCache: true, items: 4 });
    expect(status?.lastError?.message).toContain(`The Coast Gazette: ${reason}`);
  });

  it('asks "has it changed?" with ETag / Last-Modified and reuses the result on 304', async () => {
    server.set('/feeds/harbor-wire.rss', { file: 'harbor-wire.rss', etag: '"hw-1"' });
    server.set('/feeds/daily-ledger.rdf', {
      file: 'daily-ledger.rdf',
      lastModified: 'Tue, 24 Nov 2026 09:45:00 GMT',
    });
    const src = source(THREE_FEEDS());
    const first = await src.load();
    const second = await src.load();
    expect(second).toEqual(first);
    const conditional = server.requests.filter((r) => r.status === 304).map((r) => r.path);
    expect(conditional.sort()).toEqual(['/feeds/daily-ledger.rdf', '/feeds/harbor-wire.rss']);
    const revalidation = server.requests.filter((r) => r.path === '/feeds/harbor-wire.rss')[1];
    expect(revalidation?.headers['if-none-match']).toBe('"hw-1"');
  });

  it('waits as long as Retry-After asks before trying a feed again', async () => {
    const src = source(THREE_FEEDS());
    await src.load();
    server.set('/feeds/daily-ledger.rdf', { status: 503, body: 'busy', headers: { 'retry-after': '3600' } });
    await src.load();
    await src.load();
    expect(server.hits('/feeds/daily-ledger.rdf')).toBe(2);
    expect(src.status().find((s) => s.name === 'The Daily Ledger')?.lastError?.message).toMatch(
      /^The Daily Ledger: asked us to wait \(Retry-After\) until /,
    );
  });

  it('treats an item that comes back with a new date or edited title as the same story', async () => {
    const lead: FixtureItem = {
      title: 'Tidal power plant in Port Alder starts supplying 40,000 homes',
      link: server.url('/articles/tidal-power.html'),
      date: new Date('2026-11-24T06:00:00Z'),
    };
    const version = (n: 1 | 2): FixtureItem[] => [
      {
        guid: 'council-1',
        title:
          n === 1
            ? 'Council votes to keep ferry subsidy'
            : 'Council votes to keep ferry subsidy for two more years',
        date: new Date(n === 1 ? '2026-11-24T09:00:00Z' : '2026-11-24T11:00:00Z'),
      },
      {
        title: n === 1 ? 'Storm closes coast road' : 'Storm closes coast road overnight',
        link: server.url(n === 1 ? '/storm?utm_source=rss' : '/storm'),
        date: new Date(n === 1 ? '2026-11-24T08:00:00Z' : '2026-11-24T11:30:00Z'),
      },
      { title: 'Winter market returns', date: n === 1 ? undefined : new Date('2026-11-24T11:45:00Z') },
    ];
    server.set('/lead1.rss', { body: rssFeed({ title: 'L1', items: [lead] }) });
    server.set('/lead2.rss', { body: rssFeed({ title: 'L2', items: [lead] }) });
    server.set('/changing.rss', { body: rssFeed({ title: 'Changing', items: version(1) }) });
    const src = source(
      ['/lead1.rss', '/lead2.rss', '/changing.rss'].map((p) => ({ url: server.url(p), weight: 1 })),
    );
    await src.load();
    server.set('/changing.rss', { body: rssFeed({ title: 'Changing', items: version(2) }) });
    const news = await src.load();

    // Edited text shows; the first date stays (so nothing jumps to the top as new).
    expect(news.headlines.map((h) => [h.title, h.publishedAt])).toEqual([
      ['Winter market returns', '2026-11-24T11:45:00.000Z'],
      ['Council votes to keep ferry subsidy for two more years', '2026-11-24T09:00:00.000Z'],
      ['Storm closes coast road overnight', '2026-11-24T08:00:00.000Z'],
    ]);
  });

  it('re-reads a feeds file on every load', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'briefer-feeds-'));
    try {
      const path = join(dir, 'feeds.json');
      await writeFile(
        path,
        JSON.stringify({ feeds: [{ url: server.url('/feeds/coast-gazette.atom'), name: 'Gazette' }] }),
      );
      const src = new FeedSource({ kind: 'file', path }, { now: () => FIXTURE_NOW, logger: log });
      expect(src.name).toBe('feeds.json');
      expect((await src.load()).story.source).toBe('Gazette');
      expect(src.name).toBe('1 feed (feeds.json)');
      await writeFile(path, JSON.stringify(THREE_FEEDS()));
      await src.load();
      expect(src.name).toBe('3 feeds (feeds.json)');
      await writeFile(path, '{ broken');
      await src.load();
      expect(log.at('warn').at(-1)?.msg).toBe('feeds file unreadable; using the feeds it listed before');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('FeedSource: when there is nothing to brief on', () => {
  it('names every feed and its reason when all fail and nothing is cached', async () => {
    server.set('/slow.rss', silent);
    const src = source(
      [
        { url: server.url('/nope.rss'), name: 'Nope News', weight: 1 },
        { url: server.url('/slow.rss'), weight: 1 },
      ],
      { timeoutMs: 500 },
    );
    const error = await src.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('SOURCE_NETWORK');
    expect((error as SourceError).message).toMatch(
      /^2 feeds: no feed could be read: Nope News: HTTP 404 Not Found; 127\.0\.0\.1:\d+\/slow\.rss: timed out after 500 ms$/,
    );
  });

  it('keeps the code of a single shared reason, and says when only old news is left', async () => {
    const one = source([{ url: server.url('/nope.rss'), name: 'Nope News', weight: 1 }]);
    await expect(one.load()).rejects.toMatchObject({
      code: 'SOURCE_UNREADABLE',
      message: 'Nope News: the feed could not be read: Nope News: HTTP 404 Not Found',
    });
    const stale = source(THREE_FEEDS(), { now: () => new Date('2026-12-24T12:00:00Z') });
    await expect(stale.load()).rejects.toMatchObject({
      code: 'SOURCE_EMPTY',
      message: '3 feeds: no items from the last 24 hours in 3 feeds (12 older items)',
    });
  });
});

describe('FeedSource: bounded work', () => {
  // Distinct stories: no two titles share a word.
  const NOUNS =
    'harbour orchard glacier violin tractor lantern meadow quarry bakery falcon compass museum canal ferry tunnel vineyard bridge library stadium volcano reservoir orchestra lighthouse monastery brewery carousel greenhouse sawmill observatory aqueduct cathedral windmill marina'.split(
      ' ',
    );
  const many = (prefix: string, n: number): FixtureItem[] =>
    Array.from({ length: n }, (_, i) => ({
      title: `${prefix}${i} ${NOUNS[prefix === 'big' ? i : NOUNS.length - 1 - i]}`,
      link: server.url(`/${prefix}/${i}`),
      date: new Date(FIXTURE_NOW.getTime() - (i + 1) * 60_000),
    }));

  it('keeps the newest items of a huge feed (BRIEFER_MAX_FEED_ITEMS) and of the day (BRIEFER_MAX_ITEMS)', async () => {
    server.set('/big.rss', { body: rssFeed({ title: 'Big', items: many('big', 30).reverse() }) });
    server.set('/small.rss', { body: rssFeed({ title: 'Small', items: many('small', 5) }) });
    const feeds = [
      { url: server.url('/big.rss'), weight: 1 },
      { url: server.url('/small.rss'), weight: 1 },
    ];
    const perFeed = await source(feeds, { maxFeedItems: 10, leadAttempts: 0 }).load();
    const bigTitles = [perFeed.story.title, ...titles(perFeed)].filter((t) => t?.startsWith('big'));
    expect(bigTitles).toHaveLength(10);
    expect(bigTitles).toContain('big0 harbour');
    expect(bigTitles).not.toContain('big10 ferry');
    expect(log.at('info').some((e) => e.msg.includes('BRIEFER_MAX_FEED_ITEMS'))).toBe(true);

    const perDay = await source(feeds, { maxFeedItems: 10, maxItems: 6, leadAttempts: 0 }).load();
    expect(1 + perDay.headlines.length).toBe(6);
  });
});
