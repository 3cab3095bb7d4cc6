import { describe, expect, it } from 'vitest';
import { buildBriefing, buildBriefingInSlices, groupByCategory } from '../../src/core/briefing.ts';
import { filterBriefing } from '../../src/core/briefing-filter.ts';
import { createCategorizer } from '../../src/core/categorizer.ts';
import { NewsSchema } from '../../src/core/schemas.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';

const taxonomy = loadTaxonomy();
const categorizer = createCategorizer(taxonomy);
const build = (input: unknown) =>
  buildBriefing(NewsSchema.parse(input), {
    source: 'test',
    categorizer,
    taxonomy,
    now: new Date('2026-11-25T08:00:00Z'),
  });

describe('buildBriefing', () => {
  const briefing = build({
    story: {
      title: 'Rates held',
      paragraphs: [
        'The central bank held its main rate at 3.75% on Tuesday, as expected. Governor Ana Ruiz said inflation was cooling.',
        'Markets rose after the decision. The next meeting is on December 12.',
      ],
    },
    headlines: [
      { title: '  Striker scores twice as City win the derby  ', source: 'A' },
      { title: 'Oil prices fall as producers raise output' },
      { title: 'Striker scores twice as City win derby', source: 'B' },
      { title: 'Chipmaker shares jump on record earnings' },
    ],
  });

  it('summarizes the lead and counts its sentences', () => {
    expect(briefing.lead.title).toBe('Rates held');
    expect(briefing.lead.summary.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(briefing.lead.summary[0]?.text).toMatch(/^The central bank held/);
    expect(briefing.lead.totalSentences).toBe(4);
    expect(briefing.lead.keyFacts.map((f) => f.text)).toEqual(expect.arrayContaining(['3.75%', 'Ana Ruiz']));
  });

  it('trims headlines and counts the same story once, remembering the other outlet', () => {
    expect(briefing.headlines.map((h) => h.title)).toEqual([
      'Striker scores twice as City win the derby',
      'Oil prices fall as producers raise output',
      'Chipmaker shares jump on record earnings',
    ]);
    expect(briefing.headlines[0]?.outlets.map((o) => o.name)).toEqual(['A', 'B']);
  });

  it('categorizes every headline and counts per category in taxonomy order', () => {
    expect(briefing.headlines[0]?.category).toBe('sports');
    const total = Object.values(briefing.categories).reduce((a, n) => a + n, 0);
    expect(total).toBe(3);
    const order = taxonomy.categories.map((c) => c.id);
    const keys = Object.keys(briefing.categories);
    expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(keys);
    expect(groupByCategory(briefing, taxonomy).flatMap((g) => g.headlines)).toHaveLength(3);
  });

  it('is deterministic for the same input and time', () => {
    const input = {
      story: { paragraphs: ['A. B. C. D.'] },
      headlines: [{ title: 'Stocks rise' }, { title: 'Team wins cup' }],
    };
    expect(build(input)).toEqual(build(input));
  });

  it('uses a source category hint only when the categorizer is unsure', () => {
    const b = build({
      story: { paragraphs: ['Lead.'] },
      headlines: [
        { title: 'Smith seals it late on', categoryHint: 'sports' },
        { title: 'Oil prices fall as producers raise output', categoryHint: 'sports' },
        { title: 'Something odd happened', categoryHint: 'no-such-category' },
      ],
    });
    expect(b.headlines[0]?.category).toBe('sports');
    expect(b.headlines[1]?.category).not.toBe('sports');
    expect(taxonomy.categories.some((c) => c.id === b.headlines[2]?.category)).toBe(true);
  });

  it('filters a briefing to some topics for a digest', () => {
    const only = filterBriefing(briefing, ['sports']);
    expect(only.headlines.map((h) => h.category)).toEqual(['sports']);
    expect(only.categories).toEqual({ sports: 1 });
    expect(filterBriefing(briefing, undefined)).toBe(briefing);
  });
});

describe('buildBriefing: stories from any source', () => {
  it('tells the lead story once: a headline of the same story only adds its outlet to the lead', () => {
    const b = build({
      story: {
        title: 'Harbor nations launch $120bn clean-shipping fund',
        source: 'Sample Wire',
        url: 'https://wire.example/fund',
        paragraphs: [
          'Five coastal nations agreed on Tuesday to create a $120 billion fund for clean shipping.',
        ],
      },
      headlines: [
        { title: 'Striker scores twice as City win the derby', source: 'A' },
        {
          title: 'Five nations unveil $120 billion fund to clean up shipping',
          source: 'Gazette',
          url: 'https://g.example/f',
        },
        { title: 'Chipmaker shares jump on record earnings', source: 'B' },
        {
          title: 'Chipmaker shares jump after record earnings',
          source: 'C',
          publishedAt: '2026-11-25T07:00:00Z',
        },
      ],
    });
    expect(b.lead.outlets).toEqual([
      { name: 'Sample Wire', url: 'https://wire.example/fund' },
      { name: 'Gazette', url: 'https://g.example/f' },
    ]);
    // Ranked by outlets, then recency; the lead's story is not among them.
    expect(b.headlines.map((h) => [h.title, h.outlets.map((o) => o.name), h.publishedAt])).toEqual([
      ['Chipmaker shares jump on record earnings', ['B', 'C'], '2026-11-25T07:00:00.000Z'],
      ['Striker scores twice as City win the derby', ['A'], undefined],
    ]);
    expect(b.headlines[0]?.storyId).not.toBe(b.headlines[1]?.storyId);
  });
});

describe('buildBriefingInSlices', () => {
  it('builds the same briefing as buildBriefing, giving the event loop back on the way', async () => {
    const news = NewsSchema.parse({
      story: {
        title: 'Rates held',
        paragraphs: ['The central bank held its main rate at 3.75% on Tuesday.'],
      },
      headlines: Array.from({ length: 300 }, (_, i) => ({
        title: `Council ${i} approves plan for ${i % 3 === 0 ? 'new bridge' : `park number ${i}`}`,
        source: `Outlet ${i % 7}`,
      })),
    });
    const options = { source: 'test', categorizer, taxonomy, now: new Date('2026-11-25T08:00:00Z') };
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    // Slices of 0 ms: it pauses at every step, however fast the machine.
    const sliced = await buildBriefingInSlices(news, options, 0);
    clearInterval(ticker);
    expect(sliced).toEqual(buildBriefing(news, options));
    expect(sliced.headlines.length).toBeGreaterThan(100);
    // Timers ran while it was being built (a synchronous build lets none run).
    expect(ticks).toBeGreaterThan(0);
  });
});
