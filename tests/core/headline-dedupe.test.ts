import { describe, expect, it } from 'vitest';
import { dedupeHeadlines, headlineTerms, termSimilarity } from '../../src/core/headline-dedupe.ts';

const sim = (a: string, b: string) => termSimilarity(headlineTerms(a), headlineTerms(b));

describe('headline de-duplication', () => {
  it('sees the same story through case, quotes, articles and a trailing source', () => {
    expect(
      sim(
        "Airline merger creates continent's largest carrier",
        'Airline Merger Creates the Continent’s Largest Carrier',
      ),
    ).toBe(1);
    expect(
      sim('Fed raises rates by a quarter point - Reuters', 'Fed raises interest rates by quarter point'),
    ).toBeGreaterThan(0.75);
  });

  it('keeps different stories that share a few words apart', () => {
    expect(
      sim('Oil prices fall 3% as producers raise output', 'Oil prices slide on US-Iran talks'),
    ).toBeLessThan(0.5);
    expect(
      sim(
        'Trump lifts 25% tariff on Indian goods',
        'Trump signs order threatening 25% tariffs on countries trading with Iran',
      ),
    ).toBeLessThan(0.5);
  });

  it('groups duplicates under the first headline, in input order', () => {
    const groups = dedupeHeadlines([
      { title: 'Airline merger creates largest carrier', source: 'A' },
      { title: 'Stocks rise' },
      { title: 'Airline merger creates the largest carrier', source: 'B' },
      { title: 'STOCKS RISE' },
    ]);
    expect(groups.map((g) => [g.headline.title, g.duplicates.length])).toEqual([
      ['Airline merger creates largest carrier', 1],
      ['Stocks rise', 1],
    ]);
  });

  it('never merges headlines with no content words into each other by accident', () => {
    expect(sim('The', 'A')).toBe(0);
    expect(dedupeHeadlines([{ title: '!!!' }, { title: '???' }])).toHaveLength(2);
  });
});

describe('headline de-duplication across outlets', () => {
  it('matches paraphrases: amounts written differently, common synonyms', () => {
    expect(
      sim(
        'Harbor nations launch $120bn clean-shipping fund',
        'Five nations unveil $120 billion fund to clean up shipping',
      ),
    ).toBeGreaterThanOrEqual(0.75);
    expect(
      sim(
        'Central bank holds rates at 3.75%',
        'Central bank keeps interest rates unchanged at 3.75 per cent',
      ),
    ).toBeGreaterThanOrEqual(0.75);
  });

  it('keeps opposite moves apart', () => {
    expect(sim('Stocks rise as Fed holds rates', 'Stocks fall as Fed holds rates')).toBeLessThan(0.5);
    expect(sim('Bank raises rates by half a point', 'Bank cuts rates by half a point')).toBeLessThan(0.5);
  });

  it('does not take different amounts for the same', () => {
    expect(sim('Oil falls 3% on supply fears', 'Oil falls 7% on supply fears')).toBeLessThan(1);
  });
});
