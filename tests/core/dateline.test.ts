import { describe, expect, it } from 'vitest';
import { stripDateline } from '../../src/core/dateline.ts';
import { StorySchema } from '../../src/core/schemas.ts';
import { storyFromText } from '../../src/core/text/story-text.ts';

describe('stripDateline', () => {
  it('removes the wire datelines news arrives with', () => {
    expect(stripDateline('(CNN)A trip to an abandoned mansion began the tour.')).toBe(
      'A trip to an abandoned mansion began the tour.',
    );
    expect(stripDateline('LONDON (Reuters) - British inflation rose to 3.2% in March.')).toBe(
      'British inflation rose to 3.2% in March.',
    );
    expect(stripDateline('NEW YORK, Nov 3 (Reuters) — Stocks rose as investors cheered.')).toBe(
      'Stocks rose as investors cheered.',
    );
    expect(stripDateline('WASHINGTON (AP) — The Senate voted to approve the bill.')).toBe(
      'The Senate voted to approve the bill.',
    );
    expect(stripDateline('WASHINGTON — The Senate voted to approve the bill.')).toBe(
      'The Senate voted to approve the bill.',
    );
  });

  it('leaves ordinary openings alone', () => {
    for (const text of [
      '(Update 2) The company said profits rose sharply in the quarter.',
      'NATO (the alliance) said it would respond to the attack soon.',
      'U.S. STOCKS rose today (Monday) as investors cheered the data.',
      'The United States and Japan have agreed to accelerate coordination.',
      '(CNN)',
    ])
      expect(stripDateline(text)).toBe(text);
  });

  it('applies to the first paragraph of every story, from any source', () => {
    const parsed = StorySchema.parse({
      paragraphs: ['(CNN)The first paragraph says what happened here.', '(CNN) is quoted later.'],
    });
    expect(parsed.paragraphs).toEqual([
      'The first paragraph says what happened here.',
      '(CNN) is quoted later.',
    ]);
    expect(storyFromText('LONDON (Reuters) - Prices rose sharply in March, data showed.').paragraphs[0]).toBe(
      'Prices rose sharply in March, data showed.',
    );
  });
});
