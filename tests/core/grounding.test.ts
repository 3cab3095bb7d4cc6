import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../src/core/grounding.ts';

const ARTICLE = [
  'Five coastal nations agreed on Tuesday to create a $120 billion fund to convert their fleets by 2035.',
  'The Harbor Compact, signed in Lisbon by Portugal, Norway and Kenya, will finance work in more than 40 ports. The first grants would be awarded on March 1, 2027.',
  '"Shipping carries 80% of world trade," said Portuguese Maritime Minister Helena Duarte. A 2.5 per cent levy will fund it.',
  'The levy adds about $4 to a container, or 1,200 dollars a ship. The U.S. has not said whether it will join.',
].join('\n');

const check = (text: string) => checkGrounding(text, ARTICLE);

describe('checkGrounding', () => {
  it('accepts a faithful rephrasing', () => {
    expect(
      check(
        'Portugal, Norway and Kenya set up a $120 billion fund on Tuesday to clean up shipping by 2035. Helena Duarte said shipping carries 80% of trade.',
      ),
    ).toEqual({ grounded: true, missing: [] });
  });

  it('treats "$120bn" as "$120 billion", "2.5%" as "2.5 per cent" and "1200" as "1,200"', () => {
    expect(check('A $120bn fund, a 2.5% levy and $1200 a ship.').grounded).toBe(true);
    expect(check('The fund holds $120,000 million.').grounded).toBe(true);
  });

  it('matches dates however they are written', () => {
    expect(check('Grants start on 1 March 2027.').grounded).toBe(true);
    expect(check('Grants start on Mar. 1, 2027.').grounded).toBe(true);
  });

  it('rejects a figure, a percentage, a date or a currency the article lacks', () => {
    expect(check('A $150 billion fund.')).toEqual({ grounded: false, missing: ['150 billion'] });
    expect(check('A 3% levy.').missing).toContain('3%');
    expect(check('Grants start in April.').missing).toContain('April');
    expect(check('Signed on Friday.').missing).toContain('Friday');
    expect(check('A £120 billion fund.').missing).toContain('£120 billion');
    expect(check('Ten million ships.').missing).toContain('Ten million');
  });

  it('rejects a person, place or organisation the article lacks', () => {
    expect(check('Helena Duarte and Erik Solberg signed it.').missing).toContain('Erik Solberg');
    expect(check('It was signed in Madrid.').missing).toContain('Madrid');
    expect(check('Zorblax welcomed it.').missing).toContain('Zorblax');
  });

  it('accepts names as the article writes them, and "US" for "U.S."', () => {
    expect(check('Duarte said the US had not decided.').grounded).toBe(true);
    expect(check('The Harbor Compact was signed in Lisbon.').grounded).toBe(true);
    expect(
      checkGrounding('The US will not join.', 'The United States has not said it will join.').grounded,
    ).toBe(true);
  });

  it('reads "may" as a verb and "five" in the article as 5', () => {
    expect(check('Kenya may join; 5 nations signed.').grounded).toBe(true);
  });
});
