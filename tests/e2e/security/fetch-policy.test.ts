/**
 * Finding 1: a feed must not make Briefer fetch (and publish) pages from the internal network. A second
 * loopback server stands for that network; the feed server is the operator's configured feed. The
 * briefing is built end to end (the CLI and a FeedSource, both in this process) and the internal page's
 * text must never appear, while the same article on the feed's own host and port is still read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedSource } from '../../../src/sources/feeds/feed-source.ts';
import { articlePage, rssFeed } from '../../fakes/news/build-feed.ts';
import { type NewsServer, redirect, startNewsServer } from '../../fakes/news-server.ts';
import { runBriefer } from '../../helpers/run-cli.ts';
import { recordingLogger } from '../../sources/feeds/log-recorder.ts';

// Both pages speak of the headline's story (the article reader checks that), each with a marker.
const SECRET =
  'INTERNAL-ADMIN-PANEL notes: the tidal lock opens in the harbour while database passwords rotate.';
const FEED_TEXT =
  'The harbour authority opened a new tidal lock on Tuesday, cutting waiting times for ships by half, officials said in a statement.';
const OWN_TEXT =
  'OWN-SITE-ARTICLE: the tidal lock opens in the harbour after a long public consultation, officials said.';

const REFUSED = 'lead article not fetched: its address is not public; using the feed text';

let feedSite: NewsServer;
let internal: NewsServer;

function paragraphs(first: string): string[] {
  return [
    first,
    ...Array.from({ length: 6 }, (_, i) => `${first} Paragraph ${i + 2} adds more detail for readers.`),
  ];
}

/** A feed whose single story links to `link`, with feed text to fall back on. */
function feedLinking(link: string): string {
  return rssFeed({
    title: 'Harbour Wire',
    items: [{ title: 'Tidal lock opens in the harbour', link, date: new Date(), description: FEED_TEXT }],
  });
}

beforeAll(async () => {
  internal = await startNewsServer({
    '/admin': { body: articlePage('Tidal lock', paragraphs(SECRET)), type: 'text/html; charset=utf-8' },
  });
  feedSite = await startNewsServer({
    '/own-article': { body: articlePage('Tidal lock', paragraphs(OWN_TEXT)), type: 'text/html' },
  });
  feedSite.set('/feed/internal.rss', {
    body: feedLinking(internal.url('/admin')),
    type: 'application/rss+xml',
  });
  feedSite.set('/feed/localhost.rss', {
    // A name, not an IP literal: only the connect-time lookup can catch it.
    body: feedLinking(internal.url('/admin').replace('127.0.0.1', 'localhost')),
    type: 'application/rss+xml',
  });
  feedSite.set('/go-internal', redirect(internal.url('/admin')));
  feedSite.set('/feed/redirect.rss', {
    body: feedLinking(feedSite.url('/go-internal')),
    type: 'application/rss+xml',
  });
  feedSite.set('/feed/own.rss', {
    body: feedLinking(feedSite.url('/own-article')),
    type: 'application/rss+xml',
  });
  feedSite.set('/feed/moved.rss', redirect(internal.url('/admin')));
});
afterAll(async () => {
  await feedSite.close();
  await internal.close();
});

async function leadOf(feedPath: string, allowPrivateAddresses = false) {
  const logger = recordingLogger();
  const source = new FeedSource(
    { kind: 'urls', feeds: [{ url: feedSite.url(feedPath), weight: 1 }] },
    { logger, timeoutMs: 5000, allowPrivateAddresses },
  );
  const news = await source.load();
  return { text: news.story.paragraphs.join('\n'), logger };
}

describe('fetch policy (finding 1)', () => {
  it('does not fetch an article link that points at another loopback port; the lead uses the feed text', async () => {
    const before = internal.hits('/admin');
    const { text, logger } = await leadOf('/feed/internal.rss');
    expect(text).not.toContain('INTERNAL-ADMIN-PANEL');
    expect(text).toContain('tidal lock');
    expect(internal.hits('/admin')).toBe(before);
    const warning = logger.entries.find((e) => e.msg === REFUSED)?.obj;
    expect(warning?.url).toBe(internal.url('/admin'));
    expect(String(warning?.reason)).toMatch(
      /^refused by the fetch policy: 127\.0\.0\.1 is a loopback address$/,
    );
  });

  it('refuses a host name that resolves to loopback, at connect time', async () => {
    const before = internal.hits('/admin');
    const { text, logger } = await leadOf('/feed/localhost.rss');
    expect(text).not.toContain('INTERNAL-ADMIN-PANEL');
    expect(internal.hits('/admin')).toBe(before);
    const warning = logger.entries.find((e) => e.msg === REFUSED)?.obj;
    expect(String(warning?.reason)).toMatch(/localhost resolves to a loopback address/);
  });

  it('re-checks every redirect: a public-looking link on the feed site that redirects inside is refused', async () => {
    const before = internal.hits('/admin');
    const { text } = await leadOf('/feed/redirect.rss');
    expect(text).not.toContain('INTERNAL-ADMIN-PANEL');
    expect(feedSite.hits('/go-internal')).toBeGreaterThan(0);
    expect(internal.hits('/admin')).toBe(before);
  });

  it("reads an article on the feed's own host and port", async () => {
    const { text } = await leadOf('/feed/own.rss');
    expect(text).toContain('OWN-SITE-ARTICLE');
  });

  it('refuses a redirect of the configured feed itself to another internal port', async () => {
    const logger = recordingLogger();
    const source = new FeedSource(
      { kind: 'urls', feeds: [{ url: feedSite.url('/feed/moved.rss'), weight: 1 }] },
      { logger, timeoutMs: 5000 },
    );
    await expect(source.load()).rejects.toThrow(
      /refused by the fetch policy: 127\.0\.0\.1 is a loopback address/,
    );
  });

  it('BRIEFER_FETCH_ALLOW_PRIVATE turns the check off', async () => {
    const { text } = await leadOf('/feed/internal.rss', true);
    expect(text).toContain('INTERNAL-ADMIN-PANEL');
  });

  it('the CLI briefing never shows the internal page, and shows it with BRIEFER_FETCH_ALLOW_PRIVATE=1', async () => {
    const run = (extra: Record<string, string>) =>
      runBriefer(['story', '--source', feedSite.url('/feed/internal.rss')], '', extra);
    const guarded = await run({});
    expect(guarded.stdout).toMatch(/tidal lock/i);
    expect(guarded.stdout).not.toContain('INTERNAL-ADMIN-PANEL');
    const open = await run({ BRIEFER_FETCH_ALLOW_PRIVATE: '1' });
    expect(open.stdout).toContain('INTERNAL-ADMIN-PANEL');
  }, 120_000);
});
