import { describe, expect, it } from 'vitest';
import { isLowConfidence } from '../../src/core/category-confidence.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { leadView, outletsLabel, selectHeadlines } from '../../src/render/briefing-view.ts';
import { DEFAULT_HEADLINE_LIMITS } from '../../src/render/limits.ts';
import { manyHeadlines, outletsBriefing } from '../helpers/outlets-briefing.ts';

const taxonomy = loadTaxonomy();
const titles = (s: ReturnType<typeof selectHeadlines>, id: string) =>
  s.groups.find((g) => g.category.id === id)?.headlines.map((h) => h.title) ?? [];

describe('selectHeadlines: a briefing is brief', () => {
  it('shows at most 5 a category and 40 in all by default, counting the rest', () => {
    const ids = [
      'politics',
      'economy',
      'markets',
      'business',
      'technology',
      'science',
      'health',
      'sports',
      'justice',
    ];
    const b = outletsBriefing(ids.flatMap((id) => manyHeadlines(id, 12)));
    const s = selectHeadlines(b, taxonomy);
    expect(DEFAULT_HEADLINE_LIMITS).toEqual({ maxPerCategory: 5, maxHeadlines: 40 });
    expect(s.total).toBe(108);
    expect(s.shown).toBe(40);
    expect(s.hidden).toBe(68);
    expect(s.groups.map((g) => g.headlines.length).every((n) => n <= 5)).toBe(true);
    // In taxonomy order.
    expect(s.groups.map((g) => g.category.id)).toEqual(
      taxonomy.categories.map((c) => c.id).filter((id) => ids.includes(id)),
    );
    // Every category gets its best headline before any gets a sixth; counts add up per category.
    expect(s.groups).toHaveLength(9);
    for (const g of s.groups) expect(g.total).toBe(12);
    expect(s.groups.reduce((n, g) => n + g.hidden, 0)).toBe(68);
  });

  it('follows the configured limits', () => {
    const b = outletsBriefing([...manyHeadlines('markets', 10), ...manyHeadlines('sports', 10)]);
    const s = selectHeadlines(b, taxonomy, { limits: { maxPerCategory: 3, maxHeadlines: 5 } });
    expect(s.shown).toBe(5);
    expect(s.groups.map((g) => [g.category.id, g.headlines.length, g.hidden])).toEqual([
      ['markets', 3, 7],
      ['sports', 2, 8],
    ]);
  });

  it('shows the stories with the most outlets first, and those make the cut', () => {
    const b = outletsBriefing([
      ...manyHeadlines('markets', 6, 1),
      {
        title: 'Big markets story',
        category: 'markets',
        outlets: ['A', 'B', 'C', 'D'].map((name) => ({ name })),
      },
      { title: 'Medium markets story', category: 'markets', outlets: ['A', 'B'].map((name) => ({ name })) },
    ]);
    const s = selectHeadlines(b, taxonomy);
    expect(titles(s, 'markets')).toEqual([
      'Big markets story',
      'Medium markets story',
      'markets story 1',
      'markets story 2',
      'markets story 3',
    ]);
    expect(s.groups[0]?.hidden).toBe(3);
  });

  it('among stories with as many outlets, shows the newest first', () => {
    const b = outletsBriefing([
      { title: 'Old', category: 'sports', hoursAgo: 9 },
      { title: 'Undated', category: 'sports' },
      { title: 'New', category: 'sports', hoursAgo: 1 },
      { title: 'Middle', category: 'sports', hoursAgo: 4 },
    ]);
    expect(titles(selectHeadlines(b, taxonomy), 'sports')).toEqual(['New', 'Middle', 'Old', 'Undated']);
  });

  it('gives every category its best headline before the best-covered ones fill the rest', () => {
    const big = manyHeadlines('markets', 10, 3);
    const b = outletsBriefing([...big, ...manyHeadlines('sports', 2), ...manyHeadlines('science', 1)]);
    const s = selectHeadlines(b, taxonomy, { limits: { maxPerCategory: 5, maxHeadlines: 6 } });
    expect(s.groups.map((g) => [g.category.id, g.headlines.length])).toEqual([
      ['markets', 4],
      ['science', 1],
      ['sports', 1],
    ]);
    // With room for fewer headlines than categories, the best-covered categories are shown.
    const two = selectHeadlines(b, taxonomy, { limits: { maxPerCategory: 5, maxHeadlines: 1 } });
    expect(two.groups.map((g) => g.category.id)).toEqual(['markets']);
    expect(two.hidden).toBe(12);
  });

  it('one category asked for shows up to the overall limit', () => {
    const b = outletsBriefing([...manyHeadlines('markets', 50), ...manyHeadlines('sports', 3)]);
    const s = selectHeadlines(b, taxonomy, { only: 'markets' });
    expect(s.groups.map((g) => g.category.id)).toEqual(['markets']);
    expect(s.shown).toBe(40);
    expect(s.groups[0]?.hidden).toBe(10);
  });

  it('never shows the lead’s story among the headlines', () => {
    const b = outletsBriefing([
      { title: 'Rates cut, says another outlet', category: 'economy', storyId: 'lead-story' },
      { title: 'Striker scores twice', category: 'sports' },
    ]);
    const s = selectHeadlines(b, taxonomy);
    expect(s.groups.flatMap((g) => g.headlines.map((h) => h.title))).toEqual(['Striker scores twice']);
  });

  it('gives each headline clean links, its outlets, its age and whether its category is a guess', () => {
    expect(isLowConfidence(0.05)).toBe(true);
    expect(isLowConfidence(0.99)).toBe(false);
    const b = outletsBriefing([
      {
        title: 'Clinic rules change',
        category: 'health',
        confidence: 0.05,
        hoursAgo: 2.5,
        outlets: [
          { name: 'BBC', url: 'https://www.bbc.co.uk/news/x?at_medium=RSS&at_campaign=KARANGA' },
          { name: 'NPR', url: 'https://npr.example/y?utm_source=rss&amp;id=4' },
        ],
      },
    ]);
    const [h] = selectHeadlines(b, taxonomy).groups[0]?.headlines ?? [];
    expect(h).toEqual({
      title: 'Clinic rules change',
      url: 'https://www.bbc.co.uk/news/x',
      outlets: [
        { name: 'BBC', url: 'https://www.bbc.co.uk/news/x' },
        { name: 'NPR', url: 'https://npr.example/y?id=4' },
      ],
      age: '2 h ago',
      likely: true,
    });
  });

  it('never calls "other" likely: it is the unsure answer already', () => {
    const b = outletsBriefing([{ title: 'Odd news', category: 'other', confidence: 0.05 }]);
    expect(selectHeadlines(b, taxonomy).groups[0]?.headlines[0]?.likely).toBe(false);
  });
});

describe('outletsLabel', () => {
  const o = (...names: string[]) => names.map((name) => ({ name }));
  it('names the first outlet and counts the others', () => {
    expect(outletsLabel(o())).toBe('');
    expect(outletsLabel(o('BBC'))).toBe('BBC');
    expect(outletsLabel(o('BBC', 'NPR'))).toBe('BBC and NPR');
    expect(outletsLabel(o('BBC', 'NPR', 'Reuters', 'AP'))).toBe('BBC and 3 others');
  });
  it('escapes names with the platform’s escaper', () => {
    expect(outletsLabel(o('<b>', 'x'), (s) => s.toUpperCase())).toBe('<B> and X');
  });
});

describe('leadView', () => {
  it('lists the other outlets carrying the lead, with clean links; the article’s own is not repeated', () => {
    const lead = leadView(outletsBriefing([]));
    expect(lead.url).toBe('https://wire.example/rates?id=1');
    expect(lead.alsoReportedBy).toEqual([
      { name: 'BBC', url: 'https://www.bbc.co.uk/news/rates' },
      { name: 'Reuters', url: 'https://reuters.example/rates' },
      { name: 'NPR' },
    ]);
  });
  it('has nobody else when one outlet carries the lead', () => {
    expect(leadView(outletsBriefing([], { outlets: [{ name: 'Wire' }] })).alsoReportedBy).toEqual([]);
  });
});
