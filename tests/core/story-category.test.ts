import { describe, expect, it } from 'vitest';
import { type Categorizer, loadDefaultCategorizer } from '../../src/core/categorizer.ts';
import { categorizeStory } from '../../src/core/story-category.ts';

const categorizer = loadDefaultCategorizer();

/** A categorizer that gives fixed scores per text (unknown texts: unsure between the two). */
function fixed(table: Record<string, Record<string, number>>): Categorizer {
  const unsure = { politics: 0.3, business: 0.3, sports: 0.2, other: 0.2 };
  return {
    categorize(text: string) {
      const scores = table[text] ?? unsure;
      const [category, confidence] = Object.entries(scores).sort((a, b) => b[1] - a[1])[0] as [
        string,
        number,
      ];
      return { category, confidence, scores };
    },
  };
}

// Written for these tests: several outlets' headlines of one story, worded differently.
const STORIES: Array<{ category: string; titles: string[]; descriptions?: string[] }> = [
  {
    category: 'health',
    titles: [
      'Auckland stays in lockdown as Delta cases climb',
      'New Zealand extends restrictions for its largest city',
      'Ardern: vaccination rates must rise before rules ease',
    ],
    descriptions: ['Health officials reported 45 new community cases of the virus on Monday.'],
  },
  {
    category: 'sports',
    titles: [
      'Kane double sends England into the semi-finals',
      'England beat Denmark 2-1 after extra time at Wembley',
      'Southgate hails his side after a tense night',
    ],
  },
  {
    category: 'technology',
    titles: [
      'Apple unveils new iPhone with faster chip',
      'iPhone 13 launch: five things Apple announced',
      'Apple event: the new phones, watches and iPads',
    ],
  },
];

describe('categorizeStory', () => {
  it('gives every headline of a story the same category, from all its text', () => {
    for (const story of STORIES) {
      const result = categorizeStory(categorizer, story);
      expect(result.category, story.titles[0]).toBe(story.category);
      // The story's answer is one answer: its scores still sum to 1.
      const sum = Object.values(result.scores).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 6);
      expect(result.confidence).toBe(result.scores[result.category]);
    }
  });

  it('lets the outlets agree where one headline alone would be wrong', () => {
    const fake = fixed({
      A: { sports: 0.9, business: 0.05, politics: 0.03, other: 0.02 },
      B: { politics: 0.6, sports: 0.3, business: 0.05, other: 0.05 },
    });
    expect(categorizeStory(fake, { titles: ['B'] }).category).toBe('politics');
    expect(categorizeStory(fake, { titles: ['B', 'A'] }).category).toBe('sports');
  });

  it('uses the feeds’ sections as evidence: they decide an unsure story but not a sure one', () => {
    const fake = fixed({ sure: { politics: 0.95, business: 0.03, sports: 0.01, other: 0.01 } });
    expect(categorizeStory(fake, { titles: ['vague'], sections: ['sports'] }).category).toBe('sports');
    expect(categorizeStory(fake, { titles: ['sure'], sections: ['business'] }).category).toBe('politics');
    // One section does not outweigh a fairly sure headline; two outlets' sections do.
    const middling = fixed({ mid: { politics: 0.8, business: 0.1, sports: 0.05, other: 0.05 } });
    expect(categorizeStory(middling, { titles: ['mid'], sections: ['business'] }).category).toBe('politics');
    expect(categorizeStory(middling, { titles: ['mid'], sections: ['business', 'business'] }).category).toBe(
      'business',
    );
    // A section that is not a category is ignored.
    expect(categorizeStory(fake, { titles: ['sure'], sections: ['frontpage'] }).category).toBe('politics');
  });

  it('weighs a description less than a title', () => {
    const fake = fixed({
      title: { business: 0.7, politics: 0.2, sports: 0.05, other: 0.05 },
      desc: { politics: 0.9, business: 0.05, sports: 0.03, other: 0.02 },
    });
    // Equal weights would average to politics 0.55 / business 0.375.
    expect(categorizeStory(fake, { titles: ['title'], descriptions: ['desc'] }).category).toBe('business');
  });

  it('is deterministic and handles a story with no text', () => {
    const story = STORIES[0] as (typeof STORIES)[number];
    expect(categorizeStory(categorizer, story)).toEqual(categorizeStory(categorizer, story));
    expect(categorizeStory(categorizer, { titles: ['  '] }).category).toBe('other');
  });
});
