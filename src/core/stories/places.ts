/**
 * Places in story terms. A place says where a story happens, not which story it is: two stories of one
 * day often share a country, so place words weigh less than other names (see cluster-stories.ts).
 *
 * A demonym says the same place as its country: "Libyan rebels seize tanker" and "Libya's parliament ousts
 * PM" name one place. Maps a lower-cased demonym ("libyan", "chinese", "pakistani") to its place
 * ("libya", "china", "pakistan"). Regular demonyms are derived from the place names the categorizer model
 * already ships (compromise's gazetteer): a suffix rule counts only when the word it makes is itself a
 * known place. The irregular ones are a short table of language facts.
 */
import { committedCategorizerModel } from '../categorizer-model.ts';

/** Demonym ending → place ending, tried in this order; the first that yields a known place wins. */
const SUFFIX_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ese', 'a'], // Chinese → China
  ['ese', ''], // Japanese → Japan
  ['ese', 'on'], // Lebanese → Lebanon
  ['ian', 'ia'], // Syrian → Syria
  ['ian', 'y'], // Italian → Italy
  ['ian', 'e'], // Ukrainian → Ukraine
  ['ian', ''], // Brazilian → Brazil
  ['ian', 'a'], // Canadian → Canada
  ['ian', 'ium'], // Belgian → Belgium
  ['an', 'a'], // Libyan → Libya
  ['an', 'o'], // Mexican → Mexico
  ['ean', 'e'], // Chilean → Chile
  ['i', ''], // Pakistani → Pakistan
  ['ish', 'ey'], // Turkish → Turkey
  ['ish', 'and'], // Polish → Poland
];

const IRREGULAR: Record<string, string> = {
  british: 'britain',
  french: 'france',
  dutch: 'netherlands',
  swiss: 'switzerland',
  greek: 'greece',
  welsh: 'wales',
  scottish: 'scotland',
  irish: 'ireland',
  spanish: 'spain',
  swedish: 'sweden',
  danish: 'denmark',
  finnish: 'finland',
  norwegian: 'norway',
  icelandic: 'iceland',
  portuguese: 'portugal',
  filipino: 'philippines',
  thai: 'thailand',
  afghan: 'afghanistan',
  argentine: 'argentina',
  argentinian: 'argentina',
  peruvian: 'peru',
  slovak: 'slovakia',
};

/** Builds the demonym → place map from a list of known places (lower-cased). */
export function demonymMap(places: Iterable<string>): Map<string, string> {
  const known = new Set(places);
  const map = new Map<string, string>();
  for (const word of known) {
    for (const [ending, replacement] of SUFFIX_RULES) {
      if (!word.endsWith(ending) || word.length < ending.length + 3) continue;
      const place = word.slice(0, -ending.length) + replacement;
      // "i" only follows a consonant-final place (Iraq, Israel): "Altai" is not of "Alta".
      if (ending === 'i' && /[aeiouy]$/.test(place)) continue;
      if (place !== word && known.has(place)) {
        map.set(word, place);
        break;
      }
    }
  }
  for (const [demonym, place] of Object.entries(IRREGULAR)) map.set(demonym, place);
  return map;
}

let cached: Map<string, string> | undefined;
let cachedPlaces: Set<string> | undefined;

/** The map for the shipped model's place list (built once per process). */
export function defaultDemonyms(): Map<string, string> {
  cached ??= demonymMap(shippedPlaces());
  return cached;
}

/** Lower-cased place names and demonyms of the shipped model (compromise's gazetteer and the lexicon's). */
export function shippedPlaces(): ReadonlySet<string> {
  cachedPlaces ??= new Set(committedCategorizerModel().places ?? []);
  return cachedPlaces;
}
