/**
 * How rare a word is in English news at large, beyond one day's items: its rank in the frequency-ordered
 * vocabulary the categorizer model already ships (the 100,000 most frequent words of the GloVe corpus,
 * most frequent first). By Zipf's law a word of rank r has probability ∝ 1/r, so its information is
 * log r; words past the list (new names: companies, people) count as the rarest.
 */
import { committedCategorizerModel } from '../categorizer-model.ts';

export interface BackgroundRarity {
  /** 0 (the most common word) … 1 (rarer than anything in the list), for a lower-cased word as written. */
  of(word: string): number;
}

export function rarityFromWords(wordsByFrequency: readonly string[]): BackgroundRarity {
  const rank = new Map<string, number>();
  wordsByFrequency.forEach((w, r) => {
    if (!rank.has(w)) rank.set(w, r);
  });
  const max = Math.log(wordsByFrequency.length + 2);
  return {
    of(word: string): number {
      const r = rank.get(word);
      return r === undefined ? 1 : Math.log(r + 2) / max;
    },
  };
}

let cached: BackgroundRarity | undefined;

/** The rarity table of the shipped model (built once per process); flat when the model has no word list. */
export function defaultRarity(): BackgroundRarity {
  if (!cached) {
    const words = committedCategorizerModel().wordVectors?.words;
    cached = words ? rarityFromWords(words.split(' ')) : { of: () => 1 };
  }
  return cached;
}
