import { describe, expect, it } from 'vitest';
import { WordIndex } from '../../src/core/word-index.ts';

describe('WordIndex', () => {
  it("answers as a Map filled from the list's words in order would", () => {
    const words = ['said', 'not', 'über', 'new', 'york', '', 'said', 'a', 'ab', 'ba', 'Not'];
    const index = new WordIndex(words.join(' '));
    const map = new Map<string, number>();
    words.forEach((w, n) => map.set(w, n));
    expect(index.size).toBe(words.length);
    for (const w of [...words, 'sai', 'saidx', 'abc', 'NOT', 'york ', 'zzz'])
      expect(index.get(w)).toBe(map.get(w));
  });

  it('holds many words (the table grows past collisions)', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const index = new WordIndex(words.join(' '));
    expect(words.every((w, n) => index.get(w) === n)).toBe(true);
    expect(index.get('w')).toBeUndefined();
  });

  it('an empty list holds no words', () => {
    const index = new WordIndex('');
    expect(index.size).toBe(0);
    expect(index.get('')).toBeUndefined();
    expect(index.get('a')).toBeUndefined();
  });
});
