import { describe, expect, it } from 'vitest';
import { clusterStories } from '../../../src/core/stories/cluster-stories.ts';
import { NO_WORD_VECTORS, parseWordVectors } from '../../../src/core/stories/word-vectors.ts';

/** A tiny table: "quits" and "resigns" point the same way, every other listed word elsewhere. */
function table(entries: Record<string, number[]>) {
  const words = Object.keys(entries);
  const dims = (entries[words[0] as string] as number[]).length;
  const rows = Int8Array.from(words.flatMap((w) => entries[w] as number[]));
  return parseWordVectors({
    format: 'briefer-word-vectors/1',
    dims,
    scale: 1,
    words: words.join(' '),
    rows: Buffer.from(rows.buffer).toString('base64'),
  });
}

// Each pair of same-meaning words points one way; the other story's words point elsewhere.
const VECTORS = table({
  quits: [100, 0, 0, 0, 0, 0],
  resigns: [95, 20, 0, 0, 0, 0],
  ministry: [0, 0, 100, 0, 0, 0],
  cabinet: [0, 10, 98, 0, 0, 0],
  pension: [0, 0, 0, 100, 0, 0],
  retirement: [0, 0, 10, 98, 0, 0],
  dispute: [0, 0, 0, 0, 100, 0],
  row: [0, 0, 0, 10, 98, 0],
  opens: [-60, 0, 0, 0, 0, 80],
  bridge: [0, -40, 0, 0, -30, 85],
  river: [0, 0, -50, 0, 0, 85],
  town: [0, 0, 0, -50, 0, 85],
});

const DAY = [
  'Orchestra cancels winter tour over funding gap',
  'Drought shrinks the harvest of olive growers',
  'Satellite launch delayed by a faulty valve',
  'Lottery winner claims record jackpot',
  'Zoo welcomes twin panda cubs',
  'Ferry strike strands island visitors',
].map((title) => ({ title }));

function together(a: string, b: string, wordVectors = VECTORS): boolean {
  // Flat background rarity: the test is about the vectors, not about which words news uses most.
  const stories = clusterStories([{ title: a }, ...DAY, { title: b }], {
    wordVectors,
    rarity: { of: () => 1 },
  });
  return stories[0] === stories.at(-1);
}

const A = 'Varga quits ministry in pension dispute, ending long tenure';
const B = 'Varga resigns from cabinet after retirement row with allies';

describe('story clustering with word vectors', () => {
  it('merges headlines that share a name and say the rest in other words', () => {
    expect(together(A, B)).toBe(true);
  });

  it('keeps them apart without the vectors, so the vectors are what merged them', () => {
    expect(together(A, B, NO_WORD_VECTORS)).toBe(false);
  });

  it('does not merge a shared name whose other words mean something else', () => {
    expect(together(A, 'Varga opens bridge over river in home town')).toBe(false);
  });
});

describe('parseWordVectors', () => {
  it('rejects rows that do not match the words', () => {
    expect(() =>
      parseWordVectors(
        { format: 'briefer-word-vectors/1', dims: 4, scale: 1, words: 'a b', rows: 'AAAA' },
        'wv.json',
      ),
    ).toThrow(/wv.json: rows must hold 4 bytes for each of the 2 words/);
  });

  it('rejects an unknown format', () => {
    expect(() => parseWordVectors({ format: 'x', dims: 1, words: '', rows: '' })).toThrow(/unknown format/);
  });
});
