import { describe, expect, it } from 'vitest';
import { ArticleError, extractArticle } from '../../../src/sources/feeds/article.ts';
import { FeedParseError } from '../../../src/sources/feeds/parse-feed.ts';
import {
  extractArticleOffThread,
  MAX_JOBS,
  parseFeedOffThread,
  workerStats,
} from '../../../src/sources/feeds/parse-off-thread.ts';
import { articlePage, rssFeed } from '../../fakes/news/build-feed.ts';

describe('parsing off the main thread', () => {
  const feed = { url: 'https://a.example/rss', weight: 1 };
  const small = rssFeed({ title: 'Harbour Post', items: [{ title: 'Ferry strike halts crossings' }] });

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

  it('extracts an article page as in place, and a page without an article as an ArticleError', async () => {
    const sentence = 'The harbour council approved the tidal lock budget after a long debate about costs. ';
    const page = articlePage(
      'Tidal lock budget',
      Array.from({ length: 12 }, () => sentence.repeat(3)),
    );
    expect(await extractArticleOffThread(page, 'Tidal lock budget approved')).toEqual(
      extractArticle(page, 'Tidal lock budget approved'),
    );
    const empty = articlePage('Nothing here', ['Subscribe.']);
    await expect(extractArticleOffThread(empty)).rejects.toBeInstanceOf(ArticleError);
  });

  it('recycles the worker after MAX_JOBS jobs, and keeps answering', async () => {
    await parseFeedOffThread(small, feed);
    const before = workerStats.started;
    for (let i = 0; i < MAX_JOBS; i++) await parseFeedOffThread(small, feed);
    const parsed = await parseFeedOffThread(small, feed);
    expect(parsed.items).toHaveLength(1);
    expect(workerStats.started).toBe(before + 1);
  });
});
