import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/core/schemas.ts';
import { summarize } from '../../src/core/summarizer.ts';
import { splitSentences } from '../../src/core/text/sentences.ts';
import { storyFromText } from '../../src/core/text/story-text.ts';

const leadStory = storyFromText(
  readFileSync(new URL('../fixtures/digest-lead-story.txt', import.meta.url), 'utf8'),
);

/** The summary's positions must point at exactly its text in the story. */
function expectFaithful(story: Story, summary: ReturnType<typeof summarize>): void {
  const all = story.paragraphs.flatMap((p, paragraph) =>
    splitSentences(p).map((text, sentence) => ({ text, paragraph, sentence })),
  );
  for (const s of summary) {
    expect(splitSentences(story.paragraphs[s.paragraph] ?? '')[s.sentence]).toBe(s.text);
    expect(all[s.index]).toEqual({ text: s.text, paragraph: s.paragraph, sentence: s.sentence });
  }
  const indexes = summary.map((s) => s.index);
  expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
}

const filler = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i} adds a detail about ${topic} number ${i} and more.`);

describe('summarize', () => {
  it('picks three sentences of the sample story, in article order, exactly as written', () => {
    const summary = summarize(leadStory);
    expect(summary).toHaveLength(3);
    expectFaithful(leadStory, summary);
    // News leads with its story: the first sentence carries it.
    expect(summary[0]?.index).toBe(0);
  });

  it('honours the sentence count', () => {
    expect(summarize(leadStory, { sentences: 1 })).toHaveLength(1);
    expect(summarize(leadStory, { sentences: 5 })).toHaveLength(5);
    expect(summarize(leadStory, { sentences: 0 })).toEqual([]);
    expectFaithful(leadStory, summarize(leadStory, { sentences: 6 }));
  });

  it('returns every sentence of a short article', () => {
    const story: Story = { paragraphs: ['One short story. It has two sentences.'] };
    expect(summarize(story, { sentences: 3 }).map((s) => s.text)).toEqual([
      'One short story.',
      'It has two sentences.',
    ]);
  });

  it('is deterministic', () => {
    const a = summarize(leadStory, { sentences: 4 });
    const b = summarize(structuredClone(leadStory), { sentences: 4 });
    expect(b).toEqual(a);
  });

  it('does not repeat a sentence that the article repeats', () => {
    const repeated = 'The central bank raised interest rates by half a point to fight inflation.';
    const story: Story = {
      paragraphs: [
        repeated,
        'Markets fell sharply after the decision, with bank shares leading the losses.',
        repeated,
        `Analysts said ${'the'} rise in interest rates was larger than expected.`,
        repeated,
        'The bank will meet again in March to review its policy on interest rates.',
      ],
    };
    const texts = summarize(story, { sentences: 3 }).map((s) => s.text);
    expect(texts).toHaveLength(3);
    expect(new Set(texts).size).toBe(3);
    expect(texts.filter((t) => t === repeated)).toHaveLength(1);
  });

  it('never picks bylines, timestamps or other page furniture', () => {
    const story: Story = {
      paragraphs: [
        'By Jane Doe, CNN',
        'PUBLISHED: 12:01 EST, 1 May 2014 | UPDATED: 12:30 EST, 1 May 2014',
        'Flooding forced thousands of people from their homes in the north of the country on Sunday.',
        'Scroll down for video',
        'Rescue teams used boats to reach villages cut off by the floods, officials said.',
        'Click here to read more about the floods.',
        'The government has promised emergency funds for the families who lost their homes.',
        'Follow @janedoe on Twitter',
        '©2024 Cable News Network. All rights reserved.',
      ],
    };
    const summary = summarize(story, { sentences: 3 });
    expect(summary.map((s) => s.paragraph)).toEqual([2, 4, 6]);
    expectFaithful(story, summary);
  });

  it('skips HTML remnants', () => {
    const story: Story = {
      paragraphs: [
        '<div class="ad"><script>var x = {a: 1};</script></div>',
        'Parliament approved the new budget on Tuesday after a long debate.',
        'The budget raises spending on schools and hospitals &amp; cuts some taxes.',
        '<p></p><br/><img src="x.png">',
        'Opposition parties said the plan would increase the national debt.',
      ],
    };
    const summary = summarize(story, { sentences: 2 });
    expect(summary.every((s) => !s.text.includes('<'))).toBe(true);
    expectFaithful(story, summary);
  });

  it('copes with empty and odd input', () => {
    expect(summarize({ paragraphs: [] })).toEqual([]);
    expect(summarize({ paragraphs: ['', '   '] })).toEqual([]);
    const odd: Story = {
      paragraphs: ['🎉🎉🎉', 'Zoë’s café — “naïve” résumé, 東京 3%.', '....', 'Ünïcödé ok.'],
    };
    const summary = summarize(odd, { sentences: 2 });
    expect(summary.length).toBeGreaterThan(0);
    expectFaithful(odd, summary);
  });

  it('handles a 1 MB story without trouble', () => {
    const big: Story = { paragraphs: filler('the economy', 20_000) };
    expect(big.paragraphs.join('\n').length).toBeGreaterThan(1_000_000);
    const summary = summarize(big, { sentences: 3 });
    expect(summary).toHaveLength(3);
    expectFaithful(
      { paragraphs: big.paragraphs.slice(0, 5_000) },
      summary.filter((s) => s.paragraph < 5_000),
    );
  });

  it('handles a single giant paragraph and a sentence without any stop', () => {
    const giant: Story = { paragraphs: [filler('trade', 2_000).join(' ')] };
    expect(summarize(giant, { sentences: 2 })).toHaveLength(2);
    const runOn: Story = { paragraphs: ['word '.repeat(50_000).trim()] };
    const summary = summarize(runOn, { sentences: 3 });
    expect(summary).toHaveLength(1);
    expect(summary[0]?.text).toBe(runOn.paragraphs[0]);
  });

  it('leads with the first sentences when the summary is a small share of the article', () => {
    const story: Story = {
      paragraphs: [
        'A powerful storm hit the coast on Monday, cutting power to a million homes.',
        ...filler('weather', 30),
      ],
    };
    expect(summarize(story, { sentences: 3 })[0]?.index).toBe(0);
  });
});
