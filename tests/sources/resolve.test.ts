import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.ts';
import { FeedSource } from '../../src/sources/feeds/feed-source.ts';
import { FileSource } from '../../src/sources/file-source.ts';
import { resolveSource } from '../../src/sources/resolve.ts';
import { FIXTURE_NOW, type NewsServer, readFixture, startNewsServer } from '../fakes/news-server.ts';

let server: NewsServer;
let dir: string;
beforeAll(async () => {
  server = await startNewsServer({
    '/feeds/harbor-wire.rss': { file: 'harbor-wire.rss' },
    '/feeds/coast-gazette.atom': { file: 'coast-gazette.atom' },
    '/feeds/daily-ledger.rdf': { file: 'daily-ledger.rdf' },
    '/gazette/tidal-power': { file: 'articles/tidal-power.html' },
  });
  dir = await mkdtemp(join(tmpdir(), 'briefer-resolve-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const options = () => ({ now: () => FIXTURE_NOW, timeoutMs: 5000 });

describe('resolveSource', () => {
  it('keeps the sample and local news files as they were', () => {
    expect(resolveSource(undefined).name).toBe('sample news (fictional)');
    expect(resolveSource('Sample').name).toBe('sample news (fictional)');
    expect(resolveSource('data/sample-digest.txt')).toBeInstanceOf(FileSource);
    // A file that does not exist (yet) is a news file; loading it names the problem.
    expect(resolveSource(join(dir, 'missing.json'))).toBeInstanceOf(FileSource);
  });

  it('takes comma-separated feed URLs', async () => {
    const src = resolveSource(
      `${server.url('/feeds/harbor-wire.rss')}, ${server.url('/feeds/coast-gazette.atom')},${server.url('/feeds/daily-ledger.rdf')}`,
      options(),
    );
    expect(src).toBeInstanceOf(FeedSource);
    expect(src.name).toBe('3 feeds');
    const news = await src.load();
    expect(news.story.title).toBe('Port Alder tidal power plant starts supplying 40,000 homes');
    // Equal weights: the newest version speaks for the story; unnamed feeds go by their own titles.
    expect(news.headlines[0]?.outlets?.map((o) => o.name)).toEqual([
      'Harbor Wire — Top Stories',
      'The Coast Gazette',
    ]);
  });

  it('refuses a URL list with something that is not a web URL', () => {
    expect(() => resolveSource('https://a.example/rss, ftp://b.example/feed')).toThrow(ConfigError);
    expect(() => resolveSource('https://a.example/rss, ftp://b.example/feed')).toThrow(
      'BRIEFER_SOURCE: not an http(s) feed URL: "ftp://b.example/feed"',
    );
  });

  it('reads a feeds.json file, and tells it from a news .json file', async () => {
    const feedsPath = join(dir, 'my-feeds.json');
    await writeFile(
      feedsPath,
      JSON.stringify({
        feeds: [
          { url: server.url('/feeds/harbor-wire.rss'), name: 'Harbor Wire', weight: 1 },
          { url: server.url('/feeds/coast-gazette.atom'), name: 'Gazette', weight: 2, category: 'business' },
        ],
      }),
    );
    const src = resolveSource(feedsPath, options());
    expect(src).toBeInstanceOf(FeedSource);
    const news = await src.load();
    expect(news.headlines[0]).toMatchObject({ source: 'Gazette' });
    expect(news.headlines[0]?.outlets?.map((o) => o.name)).toEqual(['Gazette', 'Harbor Wire']);
    expect(src.name).toBe('2 feeds (my-feeds.json)');

    const newsPath = join(dir, 'news.json');
    await writeFile(newsPath, JSON.stringify({ story: { text: 'A story.' }, headlines: [] }));
    expect(resolveSource(newsPath)).toBeInstanceOf(FileSource);
  });

  it('imports an OPML export as it is', async () => {
    const opmlPath = join(dir, 'subscriptions.opml');
    await writeFile(opmlPath, readFixture('feeds.opml').replaceAll('{{base}}', server.base));
    const src = resolveSource(opmlPath, options());
    expect(src).toBeInstanceOf(FeedSource);
    const news = await src.load();
    expect(news.story.title).toBe('Port Alder tidal power plant starts supplying 40,000 homes');
    // Names come from the OPML outlines.
    expect(news.headlines.map((h) => h.source)).toContain('Ledger & Sport');
  });
});
