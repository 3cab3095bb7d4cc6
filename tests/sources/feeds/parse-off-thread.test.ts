import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../../src/sources/feeds/parse-feed.ts';
import { parseFeedOffThread } from '../../../src/sources/feeds/parse-off-thread.ts';
import { rssFeed } from '../../fakes/news/build-feed.ts';

describe('parseFeedOffThread', () => {
  const feed = { url: 'https://a.example/rss', weight: 1 };

  it('gives the same items as parsing in place, dates as dates, one feed object shared', async () => {
    const body = rssFeed({
      title: 'Harbour Post',
      items: [
        { title: 'Ferry strike halts crossings', link: '/ferry', date: new Date('2026-11-24T09:00:00Z') },
        { title: 'Rail operator orders trains', link: 'https://a.example/rail' },
      ],
    });
    const parsed = await parseFeedOffThread(body, feed);
    expect(parsed.title).toBe('Harbour Post');
    expect(parsed.items.map((i) => i.link)).toEqual(['https://a.example/ferry', 'https://a.example/rail']);
    expect(parsed.items[0]?.publishedAt).toEqual(new Date('2026-11-24T09:00:00Z'));
    expect(parsed.items[0]?.feed).toBe(parsed.items[1]?.feed);
  });

  it('reports a document that is not a feed as a FeedParseError', async () => {
    await expect(parseFeedOffThread('plain text, not a feed', feed)).rejects.toBeInstanceOf(FeedParseError);
  });
});
