import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/sources/feeds/article.ts';
import { htmlToParagraphs } from '../../../src/sources/feeds/html-text.ts';
import { readFixture } from '../../fakes/news-server.ts';

describe('extractArticle', () => {
  it('keeps the article prose and drops the site around it', () => {
    const article = extractArticle(
      readFixture('articles/tidal-power.html'),
      'Tidal power plant in Port Alder starts supplying 40,000 homes',
    );
    expect(article.paragraphs[0]).toMatch(/^The tidal power station at Port Alder began feeding electricity/);
    expect(article.paragraphs).toHaveLength(5);
    const all = article.paragraphs.join('\n');
    for (const furniture of ['cookies', 'Advertisement', 'Related stories', 'All rights reserved', 'Weather'])
      expect(all).not.toContain(furniture);
  });

  it('rejects a consent wall that has nothing to do with the headline', () => {
    expect(() =>
      extractArticle(
        readFixture('articles/consent-wall.html'),
        'Tidal power plant in Port Alder starts supplying 40,000 homes',
      ),
    ).toThrow(/does not match the headline/);
  });

  it('rejects a page with too little text', () => {
    expect(() => extractArticle('<html><body><p>Page not found.</p></body></html>')).toThrow(
      /no article text|too little article text/,
    );
  });
});

describe('htmlToParagraphs', () => {
  it('turns block elements into paragraphs and decodes entities', () => {
    expect(htmlToParagraphs('<p>One &amp; two.</p><ul><li>Three</li></ul><p><b>Four</b> five.</p>')).toEqual([
      'One & two.',
      'Three',
      'Four five.',
    ]);
  });

  it('splits text with line breaks, and plain text at newlines', () => {
    expect(htmlToParagraphs('First part.<br><br>Second part.')).toEqual(['First part.', 'Second part.']);
    expect(htmlToParagraphs('Plain one.\n\nPlain two.')).toEqual(['Plain one.', 'Plain two.']);
  });
});
