/** Every feed fetch reports its outcome (for the `briefer_feed_fetches_total` metric). */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FeedSource } from '../../../src/sources/feeds/feed-source.ts';
import { FIXTURE_NOW, type NewsServer, startNewsServer } from '../../fakes/news-server.ts';

let server: NewsServer;
beforeEach(async () => {
  server = await startNewsServer({
    '/feeds/harbor-wire.rss': { file: 'harbor-wire.rss', etag: '"hw-1"' },
    '/feeds/coast-gazette.atom': { file: 'coast-gazette.atom' },
    '/feeds/broken.rss': { status: 500, body: 'down' },
  });
});
afterEach(() => server.close());

it('reports fetched, not_modified (HTTP 304) and failed, once per feed per load', async () => {
  const outcomes: string[] = [];
  const src = new FeedSource(
    {
      kind: 'urls',
      feeds: ['/feeds/harbor-wire.rss', '/feeds/coast-gazette.atom', '/feeds/broken.rss'].map((path) => ({
        url: server.url(path),
        weight: 1,
      })),
    },
    { now: () => FIXTURE_NOW, timeoutMs: 5000, leadAttempts: 0, onFetch: (o) => outcomes.push(o) },
  );
  await src.load();
  expect(outcomes.sort()).toEqual(['failed', 'fetched', 'fetched']);
  outcomes.length = 0;
  await src.load();
  expect(outcomes.sort()).toEqual(['failed', 'fetched', 'not_modified']);
});
