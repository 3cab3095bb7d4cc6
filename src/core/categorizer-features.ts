/**
 * The features the categorizer sees: stemmed content words, known phrases and word pairs, joined by a
 * space ("stock futur", "new start treati"). Training and run time share this file so that a keyword
 * or a model feature is spelled the same way on both sides.
 */
import { stem, words } from './text/tokens.ts';

/**
 * Function words carry no topic; dropping them also stops the model from learning "this reads like
 * a sentence" (training headlines) versus "this is a bare name" (lexicon entries), and from giving a
 * topic to a preposition or modal by chance ("before" leaned to economy, "must" to other). Kept on
 * purpose:
 * "us" (in headlines nearly always the country) and particles that make compounds ("sell-off",
 * "all-time", "kick-off"), and "all", "own", "only", "just", which lexicon names use ("all blacks",
 * "own goal"). "important" is here because its stem is the stem of "import".
 */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of to in on at by for from with into as is are was were be been being ' +
    'do does did has have had it its this that these those there he she they we you i me him her them ' +
    'my his their our your who whom whose which what when where why how than then so if important importance ' +
    'about against between through during before after above below again further once here any both ' +
    'each few such same too very because until while should would could might must shall'
  ).split(' '),
);

/**
 * A result such as "Italy 17-28 Ireland" or "2-1 win": one- or two-digit numbers joined by a hyphen,
 * not part of a longer number, a decimal, a percentage or a date range ("Sept. 17-23").
 */
const SCORELINE =
  /(?<!\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*)(?<![\p{L}\p{N}.,:/$£€-])\d{1,2}-\d{1,2}(?![\p{L}\p{N}%-]|[.,]\d)/giu;
/** The word a scoreline becomes: one token the model and the lexicon can weigh (data/lexicon/sports.txt). */
const SCORELINE_WORD = 'scoreline';

/** Stemmed content words of a text, with a memo for stems (most words in a news stream repeat). */
export class StemTokenizer {
  readonly #memo = new Map<string, string>();
  readonly #unstemmed: ReadonlySet<string>;
  readonly #places: ReadonlySet<string>;
  readonly #limit: number;

  /**
   * `unstemmed`: words kept as written because their stem collides with another word's ("federer").
   * `places`: lower-cased place names and demonyms, left out like stopwords. A country or city says
   * where, not what: without them "Lockdown in Auckland" and "Lockdown in Leeds" are the same
   * headline, and no place can pull a headline towards geopolitics (or anywhere) by itself.
   */
  constructor(unstemmed: Iterable<string> = [], places: Iterable<string> = [], limit = 100_000) {
    this.#unstemmed = new Set(unstemmed);
    this.#places = new Set(places);
    this.#limit = limit;
  }

  /**
   * Stemmed content words in order; stopwords are left out. `raw`, if given, receives the same
   * words as written (lower-cased), aligned with the result: the word-vector table is keyed by those.
   */
  tokens(text: string, raw?: string[]): string[] {
    const out: string[] = [];
    // A digit-hyphen test first: most headlines have none, and then the regex never runs.
    const source = /\d-\d/.test(text) ? text.replace(SCORELINE, ` ${SCORELINE_WORD} `) : text;
    for (const w of words(source)) {
      let s = this.#memo.get(w);
      if (s === undefined) {
        s = STOPWORDS.has(w) || this.#places.has(w) ? '' : this.#unstemmed.has(w) ? w : stem(w);
        // A bounded memo: clearing it only costs speed, never changes results.
        if (this.#memo.size >= this.#limit) this.#memo.clear();
        this.#memo.set(w, s);
      }
      if (s) {
        out.push(s);
        raw?.push(w);
      }
    }
    return out;
  }
}

/** The feature key of a word or phrase: its stemmed content words joined by a space ("" if none). */
export function phraseKey(phrase: string, tokenizer = new StemTokenizer()): string {
  return tokenizer.tokens(phrase).join(' ');
}

/** Distinct n-grams (1..maxN words) of a token list, in order of first appearance. */
export function ngrams(tokens: readonly string[], maxN: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let key = tokens[i] as string;
    out.add(key);
    for (let n = 2; n <= maxN && i + n <= tokens.length; n++) {
      key = `${key} ${tokens[i + n - 1]}`;
      out.add(key);
    }
  }
  return [...out];
}

/**
 * What the model scores: known phrases first (longest match, left to right; a phrase's words are
 * then used up, so "man utd" does not also count as "man"), then the remaining words and the pairs
 * of adjacent remaining words. Distinct, in order of appearance.
 */
export class PhraseMatcher {
  readonly #phrases: ReadonlySet<string>;
  /** Every word-prefix (two words or more) of a phrase, so matching stops as soon as none can follow. */
  readonly #prefixes = new Set<string>();

  constructor(phrases: Iterable<string>) {
    this.#phrases = new Set(phrases);
    for (const p of this.#phrases) {
      const ws = p.split(' ');
      for (let n = 2; n < ws.length; n++) this.#prefixes.add(ws.slice(0, n).join(' '));
    }
  }

  features(tokens: readonly string[]): Set<string> {
    const out = new Set<string>();
    const used = new Uint8Array(tokens.length);
    if (this.#phrases.size > 0) {
      for (let i = 0; i + 1 < tokens.length; ) {
        let key = tokens[i] as string;
        let best = '';
        let bestN = 0;
        for (let n = 2; i + n <= tokens.length; n++) {
          key = `${key} ${tokens[i + n - 1]}`;
          if (this.#phrases.has(key)) [best, bestN] = [key, n];
          if (!this.#prefixes.has(key)) break;
        }
        if (bestN) {
          out.add(best);
          used.fill(1, i, i + bestN);
          i += bestN;
        } else i++;
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      if (used[i]) continue;
      out.add(tokens[i] as string);
      if (i + 1 < tokens.length && !used[i + 1]) out.add(`${tokens[i]} ${tokens[i + 1]}`);
    }
    return out;
  }
}
