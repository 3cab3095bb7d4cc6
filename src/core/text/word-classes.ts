/**
 * What Briefer needs from compromise's English lexicon (MIT), reduced to one small class code per
 * word. `scripts/generate-word-classes.ts` writes `data/word-classes.json` from the installed compromise,
 * so start-up reads a 0.3 MB list instead of building compromise's whole lexicon; a test checks the
 * file still matches what the script would write.
 */

/** The lexicon as compromise exposes it: a word → one tag or several. */
export type CompromiseLexicon = Record<string, string | string[] | undefined>;

/** Class bits: what the lexicon's tags say about a word. */
export const GIVEN_NAME = 1;
/** A verb, adverb or function word: never part of a person's name. */
export const FUNCTION_WORD = 2;
/** Tagged as an ordinary noun, adjective, verb or adverb somewhere. */
export const COMMON_TAG = 4;
export const PLACE = 8;
export const ORGANIZATION = 16;

const GIVEN_NAME_TAGS = /Name$|^Person$|^FirstName$/;
const FUNCTION_TAGS =
  /^(?:Infinitive|PresentTense|PastTense|Gerund|Participle|Adverb|Preposition|Conjunction|Determiner|Pronoun|Modal|Copula|QuestionWord|Auxiliary)$/;
const COMMON_TAGS =
  /^(?:Adjective|Singular|Plural|Uncountable|Noun|Comparative|Superlative|Infinitive|PresentTense|PastTense|Gerund|Participle|Adverb|PhrasalVerb)$/;
const PLACE_TAGS = /^(?:City|Country|Region|Place)$/;
const ORGANIZATION_TAGS = /^(?:Organization|SportsTeam)$/;

/** The class code of a word with these tags. */
export function classOfTags(tags: readonly string[]): number {
  let code = 0;
  if (tags.some((t) => GIVEN_NAME_TAGS.test(t))) code |= GIVEN_NAME;
  if (tags.some((t) => FUNCTION_TAGS.test(t))) code |= FUNCTION_WORD;
  if (tags.some((t) => COMMON_TAGS.test(t))) code |= COMMON_TAG;
  if (tags.some((t) => PLACE_TAGS.test(t))) code |= PLACE;
  if (tags.some((t) => ORGANIZATION_TAGS.test(t))) code |= ORGANIZATION;
  return code;
}

/** The committed file: class code → the words (lower-case, sorted) in that class. */
export interface WordClassFile {
  source: string;
  classes: Record<string, string[]>;
}

/**
 * The word-class file for a lexicon. Lookups are lower-cased, so entries with capitals can never be
 * found and are left out, as are entries without tags (the lexicon does not know them either).
 */
export function wordClassesFrom(lexicon: CompromiseLexicon, source: string): WordClassFile {
  const classes: Record<string, string[]> = {};
  for (const [word, value] of Object.entries(lexicon)) {
    const tags = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (tags.length === 0 || word !== word.toLowerCase()) continue;
    const code = String(classOfTags(tags));
    const words = classes[code] ?? [];
    words.push(word);
    classes[code] = words;
  }
  const sorted: Record<string, string[]> = {};
  for (const code of Object.keys(classes).sort((a, b) => Number(a) - Number(b)))
    sorted[code] = (classes[code] ?? []).sort();
  return { source, classes: sorted };
}

/** The source line recorded in the file, naming the compromise version it came from. */
export function wordClassSource(compromiseVersion: string): string {
  return `compromise ${compromiseVersion} English lexicon (MIT), via scripts/generate-word-classes.ts`;
}
