import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/core/schemas.ts';
import { SummarySentenceSchema } from '../../src/core/schemas.ts';
import { summarizeStory } from '../../src/core/story-summary.ts';
import { splitSentences } from '../../src/core/text/sentences.ts';

// Three outlets tell one story in their own words, with the furniture feeds carry along.
const descriptions = [
  {
    outlet: 'Kestria Herald',
    url: 'https://herald.example/rates',
    text:
      "Kestria's central bank cut its benchmark interest rate by half a point to 3.25% on Tuesday, its first cut in four years. " +
      'Governor Mira Solberg said inflation had fallen faster than expected. Sign up for our morning newsletter.',
  },
  {
    outlet: 'Northwind News',
    url: 'https://northwind.example/a/123',
    text:
      'By Jonas Pike. The Bank of Kestria lowered its key interest rate by 50 basis points to 3.25%, surprising economists. ' +
      'Updated 10:32 AM EDT, Tue March 3, 2026. ' +
      'The krona fell 1.2% against the euro after the rate decision. Read more: what a rate cut means for mortgages',
  },
  {
    outlet: 'Coastline Radio',
    text:
      "The central bank's rate cut to 3.25% will lower mortgage payments for about 400,000 households, the housing ministry said. " +
      'Economists had expected rates to stay on hold until the summer, but inflation slowed to 1.9% in February and the bank …',
  },
];

const outlets = new Set(descriptions.map((d) => d.outlet));
const pooledSentences = descriptions.flatMap((d) => splitSentences(d.text));

describe('summarizeStory without the article', () => {
  const summary = summarizeStory({ descriptions }, { sentences: 3 });

  it('returns the asked number of sentences, each cited to its outlet and placed in the pooled descriptions', () => {
    expect(summary).toHaveLength(3);
    for (const s of summary) {
      expect(outlets.has(s.source ?? '')).toBe(true);
      const description = descriptions[s.paragraph];
      expect(description?.outlet).toBe(s.source);
      expect(splitSentences(description?.text ?? '')[s.sentence]).toBe(s.text);
      expect(pooledSentences[s.index]).toBe(s.text);
      expect(SummarySentenceSchema.parse(s)).toEqual(s);
    }
  });

  it('leads with what several outlets agree on and does not say it twice', () => {
    // The cut to 3.25% is in all three; only one of its tellings is chosen.
    expect(summary[0]?.text).toMatch(/3\.25%/);
    expect(
      summary.filter((s) => /(?:cut|lowered) its (?:benchmark|key) interest rate/.test(s.text)),
    ).toHaveLength(1);
    expect(new Set(summary.map((s) => s.source)).size).toBeGreaterThan(1);
  });

  it('never picks bylines, timestamps, newsletter or "Read more" lines, or a teaser cut off mid-sentence', () => {
    const all = summarizeStory({ descriptions }, { sentences: 20 });
    for (const s of all) {
      expect(s.text).not.toMatch(/^By |^Updated|Sign up|Read more|…$/);
    }
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  it('reads feed HTML as text, and a description that is a whole article as one voice among others', () => {
    const html = [
      {
        outlet: 'Harbour Post',
        text: '<p>The Bank of Kestria cut its key rate to 3.25% on Tuesday.</p><img src="x.jpg"><p>Continue reading&hellip;</p>',
      },
      {
        outlet: 'Long Feed',
        text: Array.from(
          { length: 400 },
          (_, i) => `Paragraph ${i} of a long feed item repeats the rate story.`,
        ).join(' '),
      },
    ];
    const summary = summarizeStory({ descriptions: html }, { sentences: 3 });
    expect(summary[0]).toMatchObject({
      text: 'The Bank of Kestria cut its key rate to 3.25% on Tuesday.',
      source: 'Harbour Post',
    });
    expect(summary.every((s) => !/[<>]|Continue reading/.test(s.text))).toBe(true);
    expect(summary.filter((s) => s.source === 'Long Feed').every((s) => s.sentence < 12)).toBe(true);
  });

  it('is deterministic and gives nothing for nothing', () => {
    expect(summarizeStory({ descriptions }, { sentences: 3 })).toEqual(summary);
    expect(summarizeStory({ descriptions }, { sentences: 0 })).toEqual([]);
    expect(summarizeStory({ descriptions: [] }, { sentences: 3 })).toEqual([]);
    expect(summarizeStory({ descriptions: [{ outlet: 'X', text: 'Read more' }] }, { sentences: 3 })).toEqual(
      [],
    );
  });
});

describe('summarizeStory with the article', () => {
  const article: Story = {
    title: 'Kestria cuts rates by half a point',
    source: 'Kestria Herald',
    url: 'https://herald.example/rates',
    paragraphs: [
      "Kestria's central bank cut its benchmark interest rate by half a point to 3.25% on Tuesday, its first cut in four years.",
      'Governor Mira Solberg said inflation had fallen faster than expected and that the bank was ready to act again.',
      'The decision was taken unanimously by the six members of the monetary policy committee.',
      'Exporters welcomed the move, saying borrowing costs had held back investment for two years.',
    ],
  };

  it('keeps the article primary and adds one sentence from another outlet that the article lacks', () => {
    const summary = summarizeStory({ article, descriptions }, { sentences: 2 });
    expect(summary.slice(0, 2).every((s) => s.source === 'Kestria Herald')).toBe(true);
    expect(summary.slice(0, 2).map((s) => s.text)).toEqual(
      summary.slice(0, 2).map((s) => article.paragraphs[s.paragraph]),
    );
    expect(summary).toHaveLength(3);
    const added = summary[2];
    expect(added?.source).not.toBe('Kestria Herald');
    // Not a retelling of the cut, which the article already has.
    expect(added?.text).not.toMatch(/lowered its key interest rate/);
  });

  it('adds nothing when the other outlets only repeat the article', () => {
    const repeats = [
      {
        outlet: 'Northwind News',
        text: "Kestria's central bank cut its benchmark interest rate by half a point to 3.25% on Tuesday.",
      },
      {
        outlet: 'Coastline Radio',
        text: 'Governor Mira Solberg said inflation had fallen faster than expected.',
      },
    ];
    const summary = summarizeStory({ article, descriptions: repeats }, { sentences: 2 });
    expect(summary).toHaveLength(2);
    expect(summary.every((s) => s.source === 'Kestria Herald')).toBe(true);
  });

  it('adds nothing off the story, and falls back to the descriptions when the article has no text', () => {
    const offTopic = [
      { outlet: 'Coastline Radio', text: 'A storm closed three ferry routes along the coast tonight.' },
    ];
    expect(summarizeStory({ article, descriptions: offTopic }, { sentences: 2 })).toHaveLength(2);
    const empty: Story = { paragraphs: ['Advertisement'] };
    const summary = summarizeStory({ article: empty, descriptions }, { sentences: 2 });
    expect(summary).toHaveLength(2);
    expect(summary.every((s) => outlets.has(s.source ?? ''))).toBe(true);
  });
});
