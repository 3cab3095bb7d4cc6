/**
 * Key facts of a story: the amounts, percentages, dates, times, counts of people (killed, injured,
 * arrested, missing), people, organisations and places it turns on. Numbers come from patterns
 * (`numeric-facts.ts`, `people-counts.ts`), names from capitalised runs (`names.ts`). Bylines, captions
 * and other page furniture are not read. Variants of one entity are one fact under its longest name
 * ("Lutnick" and "Howard Lutnick"; "Federal Police" and "Australian Federal Police"; "Britain" and
 * "United Kingdom"), facts are ranked by how often the story mentions them, then how early, and the list
 * is capped with a fair share for each type.
 */
import type { KeyFact, KeyFactType, Story } from './schemas.ts';
import { isBoilerplate } from './text/boilerplate.ts';
import { PLACES } from './text/gazetteer.ts';
import { isCommonWord, isFunctionWord, isGivenName } from './text/lexicon.ts';
import type { Mention } from './text/mention.ts';
import { nameMentions } from './text/names.ts';
import { numericMentions } from './text/numeric-facts.ts';
import { splitSentences } from './text/sentences.ts';

/** Options for {@link extractKeyFacts}. */
export interface KeyFactOptions {
  /** Most facts to return (default 12). */
  max?: number;
}

const DEFAULT_MAX = 12;
/** Facts are read from the first part of a very long story: that is where they are. */
const MAX_CHARS = 50_000;

interface Fact {
  type: KeyFactType;
  text: string;
  first: number;
  count: number;
  score: number;
}

/** Money and percent facts are the same when written alike up to case and spacing. */
function key(m: Mention): string {
  return `${m.type}:${m.text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s?per ?cent$|\s?percent$/, '%')}`;
}

/**
 * The key facts of a story, most important first, at most `options.max` (default 12). Each type gets a
 * fair share of the list before any type gets a second, third… fact.
 *
 * @example extractKeyFacts(story) // → [{ type: 'money', text: '$550 billion' }, { type: 'person', … }]
 */
export function extractKeyFacts(story: Story, options: KeyFactOptions = {}): KeyFact[] {
  const max = Math.max(0, Math.floor(options.max ?? DEFAULT_MAX));
  if (max === 0) return [];
  const text = storyText(story.paragraphs);
  if (!text.trim()) return [];
  const numeric = numericMentions(text);
  const mentions = [...numeric, ...nameMentions(text, numeric)];

  const facts = new Map<string, Fact>();
  for (const m of mentions) {
    const k = key(m);
    const fact = facts.get(k);
    if (fact) {
      fact.count++;
      fact.first = Math.min(fact.first, m.at);
    } else {
      facts.set(k, { type: m.type, text: m.text, first: m.at, count: 1, score: 0 });
    }
  }
  const merged = onePerCount(mergeVariants([...facts.values()]));
  for (const fact of merged) {
    // How often the story mentions it comes first; an early mention breaks ties: news states its key facts first.
    fact.score = 2 * Math.log2(1 + fact.count) + (1 - fact.first / text.length);
  }
  return fairShare(merged, max).map(({ type, text }) => ({ type, text }));
}

/**
 * The story's text without furniture: paragraphs that are bylines, captions or timestamps are left out,
 * and so are such sentences inside a paragraph. Stops after MAX_CHARS.
 */
function storyText(paragraphs: readonly string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (length >= MAX_CHARS) break;
    if (isBoilerplate(p)) continue;
    const sentences = splitSentences(p);
    // Only short furniture: scraped copy glues story onto "Scroll down for video" and the like.
    const story = sentences.filter((s) => s.length > SHORT_FURNITURE || !isBoilerplate(s));
    const line = story.length === sentences.length ? p : story.join(' ');
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n').slice(0, MAX_CHARS);
}

/** A sentence of furniture inside a paragraph (a credit, a byline, "Read more: …") is no longer than this. */
const SHORT_FURNITURE = 100;

/** Types whose shorter names are parts of longer ones: "Kaurinui" of "Te Kaurinui Robert". */
const MERGED_TYPES = new Set<KeyFactType>(['person', 'organization']);

const wordsOf = (name: string) => name.split(/\s+/);
/** Words compared without case: "Del Bosque" is part of "Vicente del Bosque". */
const foldedWordsOf = (name: string) => wordsOf(name.toLowerCase());

/** Whether `part`'s words stand, in order and together, inside `whole`'s. */
function within(part: string[], whole: string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((w, k) => whole[i + k] === w)) return true;
  }
  return false;
}

/**
 * A person or organisation named in part ("Te Kaurinui", "Federal Police") is the one named in full
 * ("Te Kaurinui Robert", "Australian Federal Police"): its mentions go to the longest name that contains
 * it (the most mentioned, if several do).
 */
function mergeVariants(facts: Fact[]): Fact[] {
  const named = facts
    .filter((f) => MERGED_TYPES.has(f.type))
    .map((fact) => ({ fact, words: foldedWordsOf(fact.text) }))
    .sort((a, b) => b.words.length - a.words.length);
  // Surnames of the people named in full: "Matthew Stevens O'Sullivan" is two names run together.
  const surnames = new Map<string, Fact[]>();
  for (const { fact, words } of named) {
    const last = words[words.length - 1];
    if (fact.type === 'person' && words.length > 1 && last)
      surnames.set(last, [...(surnames.get(last) ?? []), fact]);
  }
  const gone = new Set<Fact>();
  for (let p = named.length - 1; p >= 0; p--) {
    const part = named[p];
    if (!part) continue;
    let into: Fact | undefined;
    // Only longer names (earlier in the list) can contain it.
    for (let w = 0; w < p; w++) {
      const whole = named[w];
      if (!whole || whole.words.length <= part.words.length) break;
      if (whole.fact.type !== part.fact.type || gone.has(whole.fact) || !within(part.words, whole.words))
        continue;
      if (!into || whole.fact.count > into.count) into = whole.fact;
    }
    if (!into) continue;
    // "Unpopular Bubba Watson", "Sebastian Vettel Vettel": a longer name that is the short one plus
    // ordinary or repeated words is the noisy variant, and the short name stands for both.
    const [keep, drop] = cleanExtension(part.fact, into, surnames) ? [into, part.fact] : [part.fact, into];
    keep.count += drop.count;
    keep.first = Math.min(keep.first, drop.first);
    gone.add(drop);
  }
  return gone.size ? facts.filter((f) => !gone.has(f)) : facts;
}

/** Words that join the parts of an organisation's name: "Church of Scientology". */
const JOINERS = new Set(['of', 'for', 'and', 'the', '&', 'de']);

/** An ordinary word, "un-" words included ("Unpopular"); given names are not ordinary here. */
const ordinary = (w: string) =>
  !isGivenName(w) && (isCommonWord(w) || (/^un\p{Ll}{3,}/iu.test(w) && isCommonWord(w.slice(2))));

/**
 * Whether `whole` is `part` written out in full rather than `part` with noise around it. A person's
 * longer name adds name words only ("Te Kaurinui" → "Te Kaurinui Robert", not "Unpopular Bubba Watson"
 * or "Sebastian Vettel Vettel"); an organisation's keeps its head and adds capitalised words before it
 * ("Federal Police" → "Australian Federal Police", not "Court of Appeal" → "Court of Appeal Millions").
 */
function cleanExtension(part: Fact, whole: Fact, surnames: ReadonlyMap<string, Fact[]>): boolean {
  const partWords = foldedWordsOf(part.text);
  const wholeWords = foldedWordsOf(whole.text);
  const seen = new Set(partWords);
  const extra = wordsOf(whole.text).filter((w) => !seen.has(w.toLowerCase()));
  if (extra.length !== wholeWords.length - partWords.length) return false; // a repeated word
  if (part.type === 'person') {
    return extra.every(
      (w) =>
        /^\p{Lu}/u.test(w) &&
        !ordinary(w) &&
        !PLACES.has(w) &&
        !(surnames.get(w.toLowerCase()) ?? []).some((other) => other !== whole),
    );
  }
  const suffix = partWords.every((w, i) => wholeWords[wholeWords.length - partWords.length + i] === w);
  return suffix && extra.every((w) => (/^\p{Lu}/u.test(w) || JOINERS.has(w)) && !isFunctionWord(w));
}

const NUMBER_WORDS = new Map(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, i + 1] as const),
);

/** The size of a count ("1,200 dead" → 1200, "three arrested" → 3; "dozens" → 24). */
function countValue(text: string): number {
  const number = text.slice(0, text.lastIndexOf(' '));
  const digits = Number.parseFloat(number.replace(/,/g, ''));
  if (!Number.isNaN(digits)) return number.includes('million') ? digits * 1e6 : digits;
  if (NUMBER_WORDS.has(number)) return NUMBER_WORDS.get(number) ?? 0;
  return /^(?:dozens|a dozen)$/.test(number) ? 24 : /^hundreds|^a hundred/.test(number) ? 200 : 1000;
}

/**
 * One count per outcome: a death toll rises as a story is updated ("12 dead" early, "19 dead" later),
 * and the largest figure is the latest. Its mentions are all the figures' mentions.
 */
function onePerCount(facts: Fact[]): Fact[] {
  const best = new Map<string, Fact>();
  for (const f of facts) {
    if (f.type !== 'count') continue;
    const outcome = f.text.slice(f.text.lastIndexOf(' ') + 1);
    const current = best.get(outcome);
    if (!current || countValue(f.text) > countValue(current.text)) best.set(outcome, f);
  }
  return facts.filter((f) => {
    if (f.type !== 'count') return true;
    const kept = best.get(f.text.slice(f.text.lastIndexOf(' ') + 1));
    if (kept && kept !== f) {
      kept.count += f.count;
      kept.first = Math.min(kept.first, f.first);
    }
    return kept === f;
  });
}

/** Round-robin over types, best fact of each type first, then the chosen facts by score. */
function fairShare(facts: Fact[], max: number): Fact[] {
  const byScore = (a: Fact, b: Fact) => b.score - a.score || a.first - b.first;
  const queues = new Map<KeyFactType, Fact[]>();
  for (const fact of [...facts].sort(byScore)) {
    const queue = queues.get(fact.type) ?? [];
    queue.push(fact);
    queues.set(fact.type, queue);
  }
  const chosen: Fact[] = [];
  while (chosen.length < max) {
    const round = [...queues.values()]
      .map((q) => q.shift())
      .filter((f): f is Fact => f !== undefined)
      .sort(byScore);
    if (round.length === 0) break;
    chosen.push(...round.slice(0, max - chosen.length));
  }
  return chosen.sort(byScore);
}
