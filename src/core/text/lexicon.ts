/**
 * compromise's English lexicon (MIT), used to tell a first name ("Howard") from an ordinary word that
 * happens to be capitalised ("Golden", "Reports"). Loaded on first use with a synchronous require, so
 * only callers that need it (key facts) pay its ~0.2 s start-up; if it cannot load, every word is
 * "unknown" and callers fall back to shape rules.
 */
import { createRequire } from 'node:module';

type Lexicon = Record<string, string | string[] | undefined>;

let lexicon: Lexicon | null | undefined;

function load(): Lexicon | null {
  if (lexicon === undefined) {
    try {
      const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Lexicon } } };
      lexicon = nlp.model().one.lexicon;
    } catch {
      lexicon = null;
    }
  }
  return lexicon;
}

/** The lexicon's tags for a word (case-insensitive), or [] if it does not know the word. */
export function lexiconTags(word: string): string[] {
  const tags = load()?.[word.toLowerCase()];
  if (tags === undefined) return [];
  return Array.isArray(tags) ? tags : [tags];
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
export const isGivenName = remembered((word: string): boolean =>
  lexiconTags(word).some((t) => /Name$|^Person$|^FirstName$/.test(t)),
);

const FUNCTION_TAGS =
  /^(?:Infinitive|PresentTense|PastTense|Gerund|Participle|Adverb|Preposition|Conjunction|Determiner|Pronoun|Modal|Copula|QuestionWord|Auxiliary)$/;

/** Whether the word is an ordinary English word the lexicon knows (and not as a name). */
export const isCommonWord = remembered(
  (word: string): boolean => lexiconTags(word).length > 0 && !isGivenName(word),
);

/** Whether the word is a verb, adverb or function word: never part of a person's name. */
export const isFunctionWord = remembered((word: string): boolean =>
  lexiconTags(word).some((t) => FUNCTION_TAGS.test(t)),
);

const COMMON_TAGS =
  /^(?:Adjective|Singular|Plural|Uncountable|Noun|Comparative|Superlative|Infinitive|PresentTense|PastTense|Gerund|Participle|Adverb|PhrasalVerb)$/;

/** What the lexicon says a proper noun is, when it says nothing else about the word. */
export const lexiconEntity = remembered((name: string): 'place' | 'organization' | undefined => {
  const tags = lexiconTags(name);
  if (tags.length === 0 || tags.some((t) => COMMON_TAGS.test(t))) return undefined;
  if (tags.some((t) => /^(?:City|Country|Region|Place)$/.test(t))) return 'place';
  if (tags.some((t) => /^(?:Organization|SportsTeam)$/.test(t))) return 'organization';
  return undefined;
});
