/**
 * Finding 8: what Briefer keeps between refreshes is bounded, however much the news churns. The soak
 * benchmark (`npm run bench -- soak`) measures the process; this checks the bounds themselves: article
 * text fetched over loopback, the story registry under rotating items, rendered replies per version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderCache } from '../../../src/adapters/render-cache.ts';
import { ArticleFetcher, MAX_TEXT_CHARS } from '../../../src/sources/feeds/article-fetcher.ts';
import type { FeedItem } from '../../../src/sources/feeds/feed-item.ts';
import { withDefaults } from '../../../src/sources/feeds/options.ts';
import { StoryRegistry } from '../../../src/sources/feeds/story-registry.ts';
import { articlePage } from '../../fakes/news/build-feed.ts';
import { type NewsServer, startNewsServer } from '../../fakes/news-server.ts';
import { makeBriefing } from '../../fakes/slack/news.ts';

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(() => server.close());

describe('bounded memory (finding 8)', () => {
  it('keeps at most ~4 M characters of article text, however many 400 kB articles are read', async () => {
    const fetcher = new ArticleFetcher(withDefaults({ timeoutMs: 5000 }));
    const sentence = 'The harbour council approved the tidal lock budget after a long debate about costs. ';
    const body = articlePage(
      'Tidal lock budget',
      Array.from({ length: 400 }, () => sentence.repeat(12)),
    );
    for (let i = 0; i < 14; i++) {
      server.set(`/a/${i}`, { body, type: 'text/html' });
      await fetcher.fetch(server.url(`/a/${i}`), 'Tidal lock budget approved', server.base);
    }
    expect(body.length).toBeGreaterThan(400_000);
    expect(fetcher.cached.chars).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(fetcher.cached.pages).toBeLessThan(14);
  });

  it('forgets the least recently seen stories past its cap, and prunes by date', () => {
    const registry = new StoryRegistry(1_000);
    const feed = { url: 'https://wire.example/rss', name: 'Wire', weight: 1 };
    const at = (round: number) => new Date(Date.UTC(2026, 10, 1) + round * 15 * 60_000);
    for (let round = 0; round < 20; round++)
      for (let i = 0; i < 300; i++) {
        const item: FeedItem = {
          feed,
          guid: `r${round}-${i}`,
          link: `https://wire.example/${round}/${i}`,
          title: `Story ${round} number ${i}`,
        };
        registry.identify(item, at(round));
      }
    expect(registry.size).toBe(1_000);
    registry.prune(at(19));
    expect(registry.size).toBe(300);
  });

  it('keeps a bounded number of renderings per briefing version', () => {
    const cache = new RenderCache(10);
    const reply = {
      view: { kind: 'brief' as const, briefing: makeBriefing() },
      visibility: 'public' as const,
    };
    for (let i = 0; i < 50; i++) cache.render(reply, `key-${i}`, () => ({ i }));
    expect(cache.stats.made).toBe(50);
    // The newest ten are still there, the oldest are not.
    cache.render(reply, 'key-49', () => ({ i: -1 }));
    cache.render(reply, 'key-0', () => ({ i: -1 }));
    expect(cache.stats).toEqual({ made: 51, reused: 1 });
  });
});
