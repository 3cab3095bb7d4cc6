import { describe, expect, it } from 'vitest';
import { peopleCounts } from '../../../src/core/text/people-counts.ts';

const counts = (text: string) => peopleCounts(text).map((m) => m.text);

describe('peopleCounts', () => {
  it.each([
    ['At least 19 people were killed and 40 others wounded in the blast.', ['19 dead', '40 injured']],
    ['The attack left 19 dead.', ['19 dead']],
    ['Police arrested three suspects on Friday.', ['three arrested']],
    ['The death toll rose to 1,200 on Saturday.', ['1,200 dead']],
    ['Five people are missing after the flood, and 12 have died.', ['five missing', '12 dead']],
    ['killing at least 19 civilians and injuring more than 40 others', ['19 dead', '40 injured']],
    ['The ministry reported 1,200 deaths since August.', ['1,200 dead']],
    ['Two British men have been arrested in Sydney.', ['two arrested']],
  ])('reads %j', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it.each([
    'No one was killed.',
    'Te Kaurinui Robert, 34, has been missing since Saturday.',
    'Two men, aged 34 and 35, were arrested.',
    'The law passed in 2019 killed the scheme.',
    'Shares fell 3% as investors were hurt by the news.',
  ])('finds no count in %j', (text) => {
    expect(counts(text)).toEqual([]);
  });

  it('says where each phrase is and how long it is', () => {
    const text = 'Officials said 19 people were killed.';
    const [m] = peopleCounts(text);
    expect(text.slice(m?.at, (m?.at ?? 0) + (m?.length ?? 0))).toBe('19 people were killed');
  });
});
