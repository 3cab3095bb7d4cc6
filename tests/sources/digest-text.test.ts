import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/core/errors.ts';
import { parseDigestText } from '../../src/sources/digest-text.ts';

describe('parseDigestText', () => {
  it('reads lead paragraphs, then headlines after the blank line', () => {
    const news = parseDigestText('Para one.\nPara two.\n\nHeadline A\nHeadline B\n', 'd.txt');
    expect(news.story.paragraphs).toEqual(['Para one.', 'Para two.']);
    expect(news.headlines.map((h) => h.title)).toEqual(['Headline A', 'Headline B']);
  });

  it('accepts CRLF, trailing spaces, several blank lines and header lines; cleans HTML', () => {
    const text = 'Title: A &amp; B <b>deal</b>\r\nSource: Wire\r\n\r\nLead.   \r\n\r\n\r\n\r\nH1  \r\nH2\r\n';
    const news = parseDigestText(text, 'd.txt');
    expect(news.story.title).toBe('A & B deal');
    expect(news.story.source).toBe('Wire');
    expect(news.story.paragraphs).toEqual(['Lead.']);
    expect(news.headlines.map((h) => h.title)).toEqual(['H1', 'H2']);
  });

  it('keeps curly quotes and dashes as they are', () => {
    const news = parseDigestText('Japan’s “plan” – agreed.\n\nU.S.–India deal\n', 'd.txt');
    expect(news.story.paragraphs[0]).toBe('Japan’s “plan” – agreed.');
    expect(news.headlines[0]?.title).toBe('U.S.–India deal');
  });

  it('ignores # comment lines but keeps "#1"-style text', () => {
    const news = parseDigestText(
      '# a comment\nLead text.\n\n#1 seed wins final\n# another comment\n',
      'd.txt',
    );
    expect(news.story.paragraphs).toEqual(['Lead text.']);
    expect(news.headlines.map((h) => h.title)).toEqual(['#1 seed wins final']);
  });

  it('allows a digest with no headlines', () => {
    expect(parseDigestText('Only a lead.\n', 'd.txt').headlines).toEqual([]);
  });

  it('drops headlines that are only markup', () => {
    const news = parseDigestText('Lead.\n\n<br/>\nReal headline\n', 'd.txt');
    expect(news.headlines.map((h) => h.title)).toEqual(['Real headline']);
  });

  it('names the file when the text is blank', () => {
    expect(() => parseDigestText('\n \n\t\n', 'blank.txt')).toThrow(SourceError);
    expect(() => parseDigestText('\n \n\t\n', 'blank.txt')).toThrow(
      /^blank\.txt: no lead story and no headlines/,
    );
  });

  it('rejects a bad header value with the field name', () => {
    expect(() => parseDigestText('URL: not a url\n\nLead.\n', 'd.txt')).toThrow(/d\.txt: story\.url/);
    expect(() => parseDigestText('Published: yesterday-ish\n\nLead.\n', 'd.txt')).toThrow(
      /d\.txt: story\.publishedAt/,
    );
  });
});
