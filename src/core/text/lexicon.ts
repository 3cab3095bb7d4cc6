/**
 * compromise's English lexicon (MIT), used to tell a first name ("Howard") from an ordinary word that
 * happens to be capitalised ("Golden", "Reports"). Read on first use from `data/word-classes.json`, the
 * lexicon reduced to one class code per word (see word-classes.ts): building compromise's own lexicon
 * cost about half of start-up. If the file cannot be read, every word is "unknown" and callers fall
 * back to shape rules.
 */
import { readFileSync } from 'node:fs';
import {
  COMMON_TAG,
  FUNCTION_WORD,
  GIVEN_NAME,
  ORGANIZATION,
  PLACE,
  type WordClassFile,
} from './word-classes.ts';

const WORD_CLASSES_URL = new URL('../../../data/word-classes.json', import.meta.url);

let lexicon: Map<string, number> | null | undefined;

function load(): Map<string, number> | null {
  if (lexicon === undefined) {
    try {
      const file = JSON.parse(readFileSync(WORD_CLASSES_URL, 'utf8')) as WordClassFile;
      lexicon = new Map();
      for (const [code, words] of Object.entries(file.classes))
        for (const word of words) lexicon.set(word, Number(code));
    } catch {
      lexicon = null;
    }
  }
  return lexicon;
}

/** The word's class bits (case-insensitive), or undefined if the lexicon does not know the word. */
function wordClass(word: string): number | undefined {
  return load()?.get(word.toLowerCase());
}

/**
 * Answers per word, remembered: names repeat through an article and across articles, and each answer
 * costs a lower-casing, a lookup and a few regex tests. Cleared when full, so memory stays bounded.
 */
function remembered<T>(answer: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    let value = cache.get(word);
    if (value === undefined && !cache.has(word)) {
      if (cache.size >= 50_000) cache.clear();
      value = answer(word);
      cache.set(word, value);
    }
    return value as T;
  };
}

/** Whether the word is a known given name. */
export const isGivenName = remembered((word: string): boolean => ((wordClass(word) ?? 0) & GIVEN_NAME) !== 0);

/** Whether the word is an ordinary English word the lexicon knows (and not as a name). */
export const isCommonWord = remembered((word: string): boolean => {
  const code = wordClass(word);
  return code !== undefined && (code & GIVEN_NAME) === 0;
});

/** Whether the word is a verb, adverb or function word: never part of a person's name. */
export const isFunctionWord = remembered(
  (word: string): boolean => ((wordClass(word) ?? 0) & FUNCTION_WORD) !== 0,
);

/** What the lexicon says a proper noun is, when it says nothing else about the word. */
export const lexiconEntity = remembered((name: string): 'place' | 'organization' | undefined => {
  const code = wordClass(name);
  if (code === undefined || code & COMMON_TAG) return undefined;
  if (code & PLACE) return 'place';
  if (code & ORGANIZATION) return 'organization';
  return undefined;
});
