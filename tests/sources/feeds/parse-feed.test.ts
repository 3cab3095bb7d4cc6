import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedText } from '../../../src/sources/feeds/parse-feed.ts';
import { readFixture } from '../../fakes/news-server.ts';

const BASE = 'http://news.test';
const fixture = (file: string) => readFixture(file).replaceAll('{{base}}', BASE);
const feed = (url = `${BASE}/feed`) => ({ url, weight: 1 });

describe('parseFeedText', () => {
  it('reads RSS 2.0: CDATA and entities in titles, tracking parameters, relative links, dates', () => {
    const parsed = parseFeedText(fixture('harbor-wire.rss'), { ...feed(), name: 'Harbor Wire' });
    expect(parsed.title).toBe('Harbor Wire — Top Stories');
    expect(parsed.truncated).toBe(false);
    const [tidal, , museum, bridge] = parsed.items;
    expect(tidal).toMatchObject({
      title: 'Tidal power plant in Port Alder starts supplying 40,000 homes',
      link: `${BASE}/articles/tidal-power.html`,
      guid: 'harbor-wire-1001',
      feed: { name: 'Harbor Wire', url: `${BASE}/feed`, weight: 1 },
    });
    expect(tidal?.publishedAt?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(museum?.title).toBe('Museum & library merger approved in Eastvale');
    expect(bridge?.link).toBe(`${BASE}/local/bridge-repairs`);
  });

  it('reads Atom, with its HTML content kept for the lead fallback', () => {
    const parsed = parseFeedText(fixture('coast-gazette.atom'), feed());
    expect(parsed.title).toBe('The Coast Gazette');
    expect(parsed.items).toHaveLength(4);
    const [tidal] = parsed.items;
    expect(tidal?.feed.name).toBe('The Coast Gazette');
    expect(tidal?.publishedAt?.toISOString()).toBe('2026-11-24T10:30:00.000Z');
    expect(tidal?.content).toContain('<p>Port Alder');
    expect(parsed.items[1]?.publishedAt?.toISOString()).toBe('2026-11-24T09:20:00.000Z');
  });

  it('reads RDF (RSS 1.0) with Dublin Core dates', () => {
    const parsed = parseFeedText(fixture('daily-ledger.rdf'), feed());
    expect(parsed.items.map((i) => i.title)).toEqual([
      "Port Alder's tidal power plant begins supplying 40,000 homes - Daily Ledger",
      'Regional rail timetable changes from Sunday',
    ]);
    expect(parsed.items[0]?.link).toBe(`${BASE}/articles/tidal-power.html#top`);
    expect(parsed.items[0]?.publishedAt?.toISOString()).toBe('2026-11-24T09:45:00.000Z');
  });

  it('keeps items without links or dates, and counts the ones without a title', () => {
    const parsed = parseFeedText(fixture('undated.rss'), feed());
    expect(parsed.items.map((i) => [i.title, i.link, i.publishedAt])).toEqual([
      ['Winter market returns to the village green', undefined, undefined],
      ['Library extends Sunday opening hours', `${BASE}/notices/library`, undefined],
    ]);
    expect(parsed.untitled).toBe(1);
    expect(parsed.items[0]?.feed.name).toBe('Village Noticeboard');
  });

  it('recovers what it can from broken XML and flags it', () => {
    const parsed = parseFeedText(fixture('malformed.xml'), feed());
    expect(parsed.truncated).toBe(true);
    expect(parsed.items[0]?.title).toBe('Harbour wall repairs finished ahead of storms & high tides');
  });

  it('names an HTML page served as a feed, and the feed it links to', () => {
    expect(() => parseFeedText(fixture('not-a-feed.html'), feed(), `${BASE}/home`, 'text/html')).toThrow(
      new FeedParseError(`is an HTML page, not a feed (the page links to a feed: ${BASE}/gazette/feed.atom)`),
    );
  });

  it('names bodies that are empty, not XML, or XML but not a feed', () => {
    expect(() => parseFeedText('  \n', feed())).toThrow('the response is empty');
    expect(() => parseFeedText('{"items": []}', feed())).toThrow('is not XML (not an RSS, Atom or RDF feed)');
    expect(() =>
      parseFeedText('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', feed()),
    ).toThrow('is not a valid RSS, Atom or RDF feed');
  });

  it('returns no items for an empty feed (the reader decides what that means)', () => {
    expect(parseFeedText(fixture('empty.rss'), feed()).items).toEqual([]);
  });
});
