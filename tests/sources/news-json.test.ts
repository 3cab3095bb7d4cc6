import { describe, expect, it } from 'vitest';
import { parseNewsJson } from '../../src/sources/news-json.ts';

describe('parseNewsJson', () => {
  it('reads paragraphs or text, and string or object headlines', () => {
    const news = parseNewsJson(
      JSON.stringify({
        story: { title: 'T', text: 'One.\n\nTwo.' },
        headlines: ['A', { title: 'B', url: 'https://example.com/b', publishedAt: '2026-01-02T03:04:05Z' }],
      }),
      'n.json',
    );
    expect(news.story.paragraphs).toEqual(['One.', 'Two.']);
    expect(news.headlines).toEqual([
      { title: 'A' },
      { title: 'B', url: 'https://example.com/b', publishedAt: '2026-01-02T03:04:05.000Z' },
    ]);
  });

  it('treats missing headlines as none', () => {
    expect(parseNewsJson('{"story":{"paragraphs":["x"]}}', 'n.json').headlines).toEqual([]);
  });

  it('explains invalid JSON with the file name', () => {
    expect(() => parseNewsJson('{"story": ', 'n.json')).toThrow(/^n\.json: is not valid JSON/);
  });

  it('explains a wrong shape with the path of the problem', () => {
    expect(() => parseNewsJson('[]', 'n.json')).toThrow(/n\.json: expected a JSON object/);
    expect(() => parseNewsJson('{"headlines":[]}', 'n.json')).toThrow(/n\.json: story/);
    expect(() => parseNewsJson('{"story":{"paragraphs":["  "]}}', 'n.json')).toThrow(
      /story\.paragraphs: the story has no text/,
    );
    expect(() =>
      parseNewsJson('{"story":{"paragraphs":["x"]},"headlines":[{"title":""}]}', 'n.json'),
    ).toThrow(/headlines\.0\.title: must not be empty/);
    expect(() =>
      parseNewsJson('{"story":{"paragraphs":["x"],"url":"javascript:alert(1)"}}', 'n.json'),
    ).toThrow(/story\.url/);
  });
});
