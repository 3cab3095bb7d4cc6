import { describe, expect, it } from 'vitest';
import { cleanUrl, isTrackingParam } from '../../src/core/clean-url.ts';

describe('cleanUrl', () => {
  it('decodes HTML entities, also double-escaped ones', () => {
    expect(cleanUrl('https://ex.com/a?id=7&amp;page=2')).toBe('https://ex.com/a?id=7&page=2');
    expect(cleanUrl('https://ex.com/a?id=7&amp;amp;page=2')).toBe('https://ex.com/a?id=7&page=2');
    expect(cleanUrl('https://ex.com/a?id=7&#38;page=2')).toBe('https://ex.com/a?id=7&page=2');
  });

  it('removes utm_*, ref=rss and click ids, keeping the page parameters in order', () => {
    expect(
      cleanUrl(
        'https://ex.com/story?b=2&utm_source=rss&amp;utm_medium=feed&a=1&ref=rss&fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2',
      ),
    ).toBe('https://ex.com/story?b=2&a=1');
  });

  it('removes the outlets’ own trackers (ito, cmpid, ocid, at_medium, CMP)', () => {
    expect(cleanUrl('https://www.bbc.co.uk/news/world-1?at_medium=RSS&at_campaign=KARANGA')).toBe(
      'https://www.bbc.co.uk/news/world-1',
    );
    expect(cleanUrl('https://ex.com/a?ito=792&cmpid=rss&ocid=msn&CMP=share_btn_tw')).toBe('https://ex.com/a');
  });

  it('keeps a ref that is not a feed referrer, and a plain fragment', () => {
    expect(cleanUrl('https://ex.com/a?ref=v2&id=1#comments')).toBe('https://ex.com/a?ref=v2&id=1#comments');
  });

  it('drops a fragment made only of tracking', () => {
    expect(cleanUrl('https://ex.com/a?id=1#xtor=RSS-8')).toBe('https://ex.com/a?id=1');
  });

  it('leaves the query spelling alone (no re-encoding of + or %20)', () => {
    expect(cleanUrl('https://ex.com/s?q=rate+cut&x=a%20b&utm_term=z')).toBe(
      'https://ex.com/s?q=rate+cut&x=a%20b',
    );
  });

  it('returns what is not an http(s) URL decoded and trimmed', () => {
    expect(cleanUrl('  not a link &amp; more ')).toBe('not a link & more');
    expect(cleanUrl('javascript:alert(1)&amp;')).toBe('javascript:alert(1)&');
  });

  it('is idempotent', () => {
    const once = cleanUrl('https://ex.com/a?x=1&amp;utm_source=a#xtor=1');
    expect(cleanUrl(once)).toBe(once);
  });
});

describe('isTrackingParam', () => {
  it('knows tracking from page parameters', () => {
    expect(isTrackingParam('utm_campaign', 'x')).toBe(true);
    expect(isTrackingParam('ref', 'rss')).toBe(true);
    expect(isTrackingParam('ref', 'sidebar')).toBe(false);
    expect(isTrackingParam('id', '42')).toBe(false);
    expect(isTrackingParam('page', '2')).toBe(false);
  });
});
