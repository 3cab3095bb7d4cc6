import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/core/errors.ts';
import { looksLikeUrlList, parseFeedUrls } from '../../../src/sources/feeds/feed-spec.ts';
import { looksLikeFeedsFile, parseFeedsFile } from '../../../src/sources/feeds/feeds-file.ts';
import { parseOpml } from '../../../src/sources/feeds/opml.ts';
import { readFixture } from '../../fakes/news-server.ts';

describe('feed URL lists', () => {
  it('splits on commas, trims and drops duplicates', () => {
    expect(parseFeedUrls(' https://a.example/rss , http://b.example/atom,,https://a.example/rss')).toEqual([
      { url: 'https://a.example/rss', weight: 1 },
      { url: 'http://b.example/atom', weight: 1 },
    ]);
    expect(looksLikeUrlList('https://a.example/rss')).toBe(true);
    expect(looksLikeUrlList('data/feeds.json')).toBe(false);
  });

  it('names the entry that is not a web URL', () => {
    expect(() => parseFeedUrls('https://a.example/rss, ftp://b.example/x')).toThrow(
      'not an http(s) feed URL: "ftp://b.example/x"',
    );
  });
});

describe('JSON feeds files', () => {
  it('reads {"feeds": […]} with names, weights and categories; a bare string is a URL', () => {
    const file = parseFeedsFile(
      JSON.stringify({
        feeds: [
          { url: 'https://a.example/rss', name: ' Alpha &amp; Co ', weight: 2, category: 'business' },
          'https://b.example/atom',
          { url: 'https://a.example/rss' },
        ],
      }),
      'feeds.json',
    );
    expect(file.feeds).toEqual([
      { url: 'https://a.example/rss', name: 'Alpha & Co', weight: 2, category: 'business' },
      { url: 'https://b.example/atom', weight: 1 },
    ]);
    expect(file.skipped).toEqual(['https://a.example/rss: listed twice']);
  });

  it('accepts a bare array', () => {
    expect(parseFeedsFile('["https://a.example/rss"]', 'f.json').feeds).toEqual([
      { url: 'https://a.example/rss', weight: 1 },
    ]);
  });

  it('fails naming the file and the bad entry', () => {
    const bad = () =>
      parseFeedsFile('{"feeds": [{"url": "ftp://x"}, {"url": "https://y.example", "weight": 0}]}', 'f.json');
    expect(bad).toThrow(SourceError);
    expect(bad).toThrow(
      /^f\.json: feeds\.0\.url: expected an http\(s\) URL; feeds\.1\.weight: must be greater than 0$/,
    );
    expect(() => parseFeedsFile('{"feeds": []}', 'f.json')).toThrow('f.json: feeds: lists no feed');
    expect(() => parseFeedsFile('{"feeds": [', 'f.json')).toThrow(/f\.json: is not valid JSON/);
  });

  it('tells a feeds file from a news file', () => {
    expect(looksLikeFeedsFile('{ "feeds": [] }')).toBe(true);
    expect(looksLikeFeedsFile('["https://a"]')).toBe(true);
    expect(looksLikeFeedsFile('{ "story": {} }')).toBe(false);
    expect(looksLikeFeedsFile('Title: x\n\nparagraph')).toBe(false);
  });

  it('the example data/feeds.json is valid', () => {
    const text = readFileSync(new URL('../../../data/feeds.json', import.meta.url), 'utf8');
    const { feeds, skipped } = parseFeedsFile(text, 'data/feeds.json');
    expect(feeds.length).toBeGreaterThanOrEqual(5);
    expect(skipped).toEqual([]);
    for (const f of feeds) expect(f.name).toBeTruthy();
  });
});

describe('OPML', () => {
  const opml = readFixture('feeds.opml').replaceAll('{{base}}', 'http://news.test');

  it('imports every outline with an xmlUrl; folders give plain-word categories', () => {
    const { feeds, skipped } = parseOpml(opml);
    expect(feeds).toEqual([
      { url: 'http://news.test/feeds/harbor-wire.rss', name: 'Harbor Wire', weight: 1, category: 'news' },
      {
        url: 'http://news.test/feeds/coast-gazette.atom?edition=coast&lang=en',
        name: 'The Coast Gazette',
        weight: 1,
        category: 'news',
      },
      {
        url: 'http://news.test/feeds/daily-ledger.rdf',
        name: 'Ledger & Sport',
        weight: 1,
        category: 'sport',
      },
    ]);
    expect(skipped).toEqual(['Broken entry: xmlUrl "feed://not-a-web-url" is not an http(s) URL']);
    expect(looksLikeFeedsFile(opml)).toBe(true);
  });

  it('fails clearly on OPML without feeds and on what is not OPML', () => {
    expect(() => parseOpml('<opml version="2.0"><body><outline text="empty folder"/></body></opml>')).toThrow(
      'lists no feed (no outline with xmlUrl)',
    );
    expect(() => parseFeedsFile('<?xml version="1.0"?>\n<opml><body/></opml>', 'subs.opml')).toThrow(
      'subs.opml: lists no feed',
    );
    expect(() => parseOpml('<rss/>')).toThrow('is not an OPML file');
  });
});
