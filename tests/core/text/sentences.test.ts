import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/sentences.ts';

const leadStory = readFileSync(new URL('../../fixtures/digest-lead-story.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

/** Every sentence must be an exact, trimmed substring of the paragraph, in order, losing nothing. */
function expectExactPieces(paragraph: string, sentences: string[]): void {
  let from = 0;
  for (const s of sentences) {
    expect(s).toBe(s.trim());
    const at = paragraph.indexOf(s, from);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(paragraph.slice(from, at).trim()).toBe('');
    from = at + s.length;
  }
  expect(paragraph.slice(from).trim()).toBe('');
}

const cases: Array<[string, string, string[]]> = [
  [
    'U.S. ending a sentence',
    'He moved to the U.S. The move was costly.',
    ['He moved to the U.S.', 'The move was costly.'],
  ],
  [
    'U.S. before a title',
    'U.S. Commerce Secretary Howard Lutnick spoke. He left.',
    ['U.S. Commerce Secretary Howard Lutnick spoke.', 'He left.'],
  ],
  [
    'U.K. and U.N.',
    'The U.K. economy grew. The U.N. Security Council met in the U.K. It agreed.',
    ['The U.K. economy grew.', 'The U.N. Security Council met in the U.K.', 'It agreed.'],
  ],
  [
    'a.m. and p.m.',
    'It began at 10 p.m. Japan Standard Time. It ended at 11 p.m. The talks resumed at 9 a.m. Monday.',
    [
      'It began at 10 p.m. Japan Standard Time.',
      'It ended at 11 p.m.',
      'The talks resumed at 9 a.m. Monday.',
    ],
  ],
  [
    'titles',
    'Mr. Smith met Mrs. Jones, Dr. Patel and Gov. Brown at St. Paul’s. Sen. Warren, Rep. Kim, Gen. Milley and Lt. Dan came.',
    [
      'Mr. Smith met Mrs. Jones, Dr. Patel and Gov. Brown at St. Paul’s.',
      'Sen. Warren, Rep. Kim, Gen. Milley and Lt. Dan came.',
    ],
  ],
  [
    'months',
    'The deal was signed on Jan. 5, 2026 and revised on Feb. 3. Talks began in Sept. last year and ended Dec. 23.',
    [
      'The deal was signed on Jan. 5, 2026 and revised on Feb. 3.',
      'Talks began in Sept. last year and ended Dec. 23.',
    ],
  ],
  [
    'company suffixes',
    'Apple Inc. Chief Executive Tim Cook spoke. It is made by Acme Ltd. The firm, Smith & Co. of Ohio, and Big Corp. agreed.',
    [
      'Apple Inc. Chief Executive Tim Cook spoke.',
      'It is made by Acme Ltd.',
      'The firm, Smith & Co. of Ohio, and Big Corp. agreed.',
    ],
  ],
  ['Jr.', 'John Smith Jr. arrived. He was late.', ['John Smith Jr. arrived.', 'He was late.']],
  [
    'No. and vs.',
    'No. 10 said Brazil vs. Argentina ended 2-1. Fans left.',
    ['No. 10 said Brazil vs. Argentina ended 2-1.', 'Fans left.'],
  ],
  [
    'etc., e.g., i.e.',
    'Fruit, e.g. Apples, and i.e. Pears, etc. are sold. Prices rose.',
    ['Fruit, e.g. Apples, and i.e. Pears, etc. are sold.', 'Prices rose.'],
  ],
  [
    'decimals',
    'Sales rose 3.5% to $10.9bn. The index hit 5,432.1 points. Shares rose 1.25 euros.',
    ['Sales rose 3.5% to $10.9bn.', 'The index hit 5,432.1 points.', 'Shares rose 1.25 euros.'],
  ],
  [
    'ellipsis',
    'Wait... What happened? Nothing! Really… It was fine.',
    ['Wait...', 'What happened?', 'Nothing!', 'Really…', 'It was fine.'],
  ],
  [
    'ellipsis inside a title',
    'I’m A Celebrity... Get Me Out Of Here drew 10m viewers.',
    ['I’m A Celebrity... Get Me Out Of Here drew 10m viewers.'],
  ],
  ['closing quote', 'He said "No." Then he left.', ['He said "No."', 'Then he left.']],
  [
    'curly quotes',
    'She said “We will win.” Then she smiled.',
    ['She said “We will win.”', 'Then she smiled.'],
  ],
  ['single curly quotes', '‘I had a taste of it.’ He smiled.', ['‘I had a taste of it.’', 'He smiled.']],
  [
    'quote continues after a comma',
    '"We know where to look. We know how to look," she said.',
    ['"We know where to look.', 'We know how to look," she said.'],
  ],
  ['question inside a quote', '"Is it over?" he asked.', ['"Is it over?" he asked.']],
  [
    'initials',
    'J. K. Rowling met George W. Bush. They talked.',
    ['J. K. Rowling met George W. Bush.', 'They talked.'],
  ],
  [
    'URLs and emails',
    'Visit https://example.com/a.b?x=1 for details. Email jo.bloggs@example.co.uk today.',
    ['Visit https://example.com/a.b?x=1 for details.', 'Email jo.bloggs@example.co.uk today.'],
  ],
  ['list markers', '1. Buy bread. 2. Buy milk.', ['1. Buy bread.', '2. Buy milk.']],
  ['inline list', 'The plan: 1. Cut costs 2. hire. Done.', ['The plan: 1. Cut costs 2. hire.', 'Done.']],
  [
    'numbers opening a sentence',
    'He scored in 2004. 2005 was worse.',
    ['He scored in 2004.', '2005 was worse.'],
  ],
  ['Ph.D.', 'He earned a Ph.D. in physics. He taught.', ['He earned a Ph.D. in physics.', 'He taught.']],
  [
    'parentheses',
    'Prices rose. (The data is provisional.) Analysts agree.',
    ['Prices rose.', '(The data is provisional.)', 'Analysts agree.'],
  ],
  [
    'state abbreviations',
    'He lives in Springfield, Ill. The city voted.',
    ['He lives in Springfield, Ill.', 'The city voted.'],
  ],
  [
    'a lower-case word after a dot',
    'Yahoo! is a company. It is old.',
    ['Yahoo! is a company.', 'It is old.'],
  ],
];

describe('splitSentences', () => {
  it.each(cases)('%s', (_name, paragraph, expected) => {
    const got = splitSentences(paragraph);
    expect(got).toEqual(expected);
    expectExactPieces(paragraph, got);
  });

  it('finds exactly 13 sentences in the sample lead story, none cut at "U.S." or "p.m."', () => {
    const sentences = leadStory.flatMap(splitSentences);
    expect(sentences).toHaveLength(13);
    for (const s of sentences) {
      expect(s).not.toMatch(/(?:U\.S\.|p\.m\.)$/);
      expect(s).toMatch(/[.!?]$/);
    }
    expect(sentences).toContain(
      'The agreement was confirmed during an online meeting held on December 23 at 10 p.m. Japan Standard Time.',
    );
    for (const paragraph of leadStory) expectExactPieces(paragraph, splitSentences(paragraph));
  });

  it('treats a line break as a boundary', () => {
    expect(splitSentences('First line without a stop\nSecond line.')).toEqual([
      'First line without a stop',
      'Second line.',
    ]);
  });

  it('handles empty, blank and punctuation-only input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
    expect(splitSentences('...')).toEqual(['...']);
    expect(splitSentences('no full stop at all')).toEqual(['no full stop at all']);
  });

  it('keeps odd Unicode intact', () => {
    const paragraph = 'Ça va, Zoë? Ünïcödé “quotes” — and emoji 🎉. Next: 東京 rose 3%.';
    const got = splitSentences(paragraph);
    expect(got).toEqual(['Ça va, Zoë?', 'Ünïcödé “quotes” — and emoji 🎉.', 'Next: 東京 rose 3%.']);
    expectExactPieces(paragraph, got);
  });

  it('stays linear on a very long paragraph', () => {
    const paragraph = 'The U.S. economy grew 2.5% in Jan. and Mr. Smith said so. '.repeat(5_000);
    const got = splitSentences(paragraph);
    expect(got).toHaveLength(5_000);
    expectExactPieces(paragraph, got);
  });
});
