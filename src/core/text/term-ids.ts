/**
 * Fast word → term id mapping for one story's statistics. It reads words the way `words()` does
 * (letters and digits, inner apostrophes, possessive "'s" dropped, case folded) but scans character
 * codes and hashes each word as it goes instead of building strings, since the summarizer runs it on
 * every word of every article. Two different words sharing a 30-bit hash would count as one term;
 * within one article that is vanishingly rare and only nudges a similarity score.
 */
import { STOPWORDS } from './stopwords.ts';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** Hash of a word already in folded form (lower case, "'" for "’"), as `TermIds` computes it. */
function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = mix(h, word.charCodeAt(i));
  return h & 0x3fffffff;
}

const STOP_HASHES = new Set([...STOPWORDS].map(hashWord));

// Non-ASCII characters: whether they are word characters, and their lower-case form (cached per code).
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const foldCache = new Map<number, number>();

/** Lower-case code of a word character, or -1 if `code` is not a letter or digit. */
function fold(code: number): number {
  if (code >= 97 && code <= 122) return code;
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 48 && code <= 57) return code;
  if (code < 128) return -1;
  let folded = foldCache.get(code);
  if (folded === undefined) {
    const ch = String.fromCharCode(code);
    folded = NON_ASCII_WORD.test(ch) ? ch.toLowerCase().charCodeAt(0) : -1;
    if (foldCache.size < 10_000) foldCache.set(code, folded);
  }
  return folded;
}

function isLetter(code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  return code >= 128 && LETTER.test(String.fromCharCode(code));
}

/** Term ids for the words of one story; stopwords have none. */
export class TermIds {
  private readonly ids = new Map<number, number>();
  /** Number of distinct content words seen so far; ids run from 0 to size − 1. */
  size = 0;

  /**
   * Appends the term ids of the content words of `text` to `terms` (stopwords skipped) and returns how
   * many words `text` has in all.
   */
  read(text: string, terms: number[]): number {
    let count = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
      let code = fold(text.charCodeAt(i));
      if (code < 0) {
        i++;
        continue;
      }
      let hash = FNV_OFFSET;
      let beforeApostrophe = 0;
      let afterApostrophe = -1; // letters since the last apostrophe, -1 if none
      let lastCode = 0;
      while (i < n) {
        if (code >= 0) {
          hash = mix(hash, code);
          if (afterApostrophe >= 0) afterApostrophe++;
          lastCode = code;
          i++;
          if (i < n) code = fold(text.charCodeAt(i));
          continue;
        }
        const raw = text.charCodeAt(i);
        // An apostrophe inside a word ("don't", "O’Brien") when a letter follows.
        if ((raw === APOSTROPHE || raw === RIGHT_QUOTE) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
          beforeApostrophe = hash;
          hash = mix(hash, APOSTROPHE);
          afterApostrophe = 0;
          i++;
          code = fold(text.charCodeAt(i));
          continue;
        }
        break;
      }
      count++;
      // Possessive "'s" is dropped, as in `words()`.
      const final = afterApostrophe === 1 && lastCode === 115 ? beforeApostrophe : hash;
      const key = final & 0x3fffffff;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = STOP_HASHES.has(key) ? -1 : this.size++;
        this.ids.set(key, id);
      }
      if (id >= 0) terms.push(id);
    }
    return count;
  }
}
