import { describe, expect, it } from 'vitest';
import {
  cleanDate,
  cleanLink,
  linkKey,
  normaliseTitle,
  sourceName,
  titleKey,
} from '../../../src/sources/feeds/normalise.ts';

describe('normaliseTitle', () => {
  it('decodes entities (also double-encoded), strips tags and collapses whitespace', () => {
    expect(normaliseTitle('  Museum &amp;amp; library\n  merger <em>approved</em>&#8230; ')).toBe(
      'Museum & library merger approved…',
    );
    expect(normaliseTitle(null)).toBe('');
  });
});

describe('titleKey', () => {
  it('ignores case, punctuation, curly quotes and a trailing " - Source"', () => {
    expect(titleKey('Port Alder’s “tidal” plant opens - Daily Ledger')).toBe(
      titleKey("port alder's tidal plant opens!"),
    );
  });
});

describe('cleanLink', () => {
  it('resolves relative links and removes tracking parameters, keeping the rest', () => {
    expect(
      cleanLink('/a/story?id=7&utm_source=rss&utm_medium=feed&fbclid=x', 'https://news.example/feed.xml'),
    ).toBe('https://news.example/a/story?id=7');
  });

  it('refuses what is not a web link', () => {
    expect(cleanLink('javascript:alert(1)')).toBeUndefined();
    expect(cleanLink('mailto:desk@news.example')).toBeUndefined();
    expect(cleanLink('')).toBeUndefined();
    expect(cleanLink('not a url')).toBeUndefined();
  });
});

describe('linkKey', () => {
  it('treats scheme, www., fragment, trailing slash and parameter order as the same article', () => {
    expect(linkKey('http://www.News.example/a/story/?b=2&a=1#top')).toBe(
      linkKey('https://news.example/a/story?a=1&b=2'),
    );
    expect(linkKey('https://news.example/a/story')).not.toBe(linkKey('https://news.example/a/other'));
  });
});

describe('cleanDate', () => {
  it('drops invalid and placeholder dates', () => {
    expect(cleanDate(new Date('nonsense'))).toBeUndefined();
    expect(cleanDate(new Date(0))).toBeUndefined();
    expect(cleanDate(new Date('2026-11-24T09:00:00Z'))?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });
});

describe('sourceName', () => {
  it('prefers the configured name, then the feed title, then the host', () => {
    expect(sourceName('Harbor Wire', 'HW Top Stories', 'https://hw.example/rss')).toBe('Harbor Wire');
    expect(sourceName(undefined, 'The Coast &amp; Gazette', 'https://cg.example/rss')).toBe(
      'The Coast & Gazette',
    );
    expect(sourceName(undefined, '  ', 'https://www.ledger.example/rss')).toBe('ledger.example');
  });
});
