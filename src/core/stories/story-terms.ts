/**
 * The words a headline (and its description) is compared by: stemmed content words, with amounts written
 * one way ("$120bn", "$120 billion" → "120b"; "half a point", "50 basis points" → "0.5pt"; "five" → "5"),
 * names and numbers marked so they can weigh more, and the direction a headline reports (up or down),
 * because "Stocks rise" and "Stocks fall" share every other word.
 */
import { STOPWORDS } from '../text/stopwords.ts';
import { normalizeText, stem } from '../text/tokens.ts';
import { defaultDemonyms, shippedPlaces } from './places.ts';

export interface TermOccurrence {
  /** The stemmed term ("rates" → "rate"); numbers as normalised. */
  term: string;
  /** The word as written, lower-cased (for its rarity in news at large). */
  word: string;
  /** How much this occurrence counts (titles 1, descriptions less). */
  weight: number;
  /** A name (capitalised inside a sentence-case line) or a number: these identify a story. */
  salient: boolean;
  /** Read from the title (false: from the description). */
  inTitle: boolean;
  /** A place name or demonym ("Libya", "Libyan"): says where, not which story. */
  place?: boolean;
}

/** Words too common in news headlines to tell stories apart, beyond the general stopwords. */
const NEWS_STOP = new Set(
  'say says said new news report reports update live video watch photo photos read more via amid over after could would may might will also one year'.split(
    ' ',
  ),
);

const UNIT: Record<string, string> = {
  bn: 'b',
  billion: 'b',
  mn: 'm',
  million: 'm',
  m: 'm',
  tn: 't',
  trillion: 't',
  k: 'k',
  thousand: 'k',
};

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  twenty: '20',
  hundred: '100',
  dozen: '12',
};

/**
 * Amounts written one way. Percentage points and basis points are one unit ("pt"): 50 basis points and a
 * half-point cut are the same move.
 */
const MAY_HOLD_AMOUNT = /\d|half|quarter/i;

export function normalizeAmounts(text: string): string {
  // Most text has no amount at all: skip the rewrites.
  if (!MAY_HOLD_AMOUNT.test(text)) return text;
  return text
    .replace(/\b(?:a\s+)?half[\s-]+(?:a\s+)?(?:percentage[\s-]+)?point\b/gi, ' 0.5pt ')
    .replace(/\bquarter[\s-]+(?:of\s+a\s+)?(?:percentage[\s-]+)?point\b/gi, ' 0.25pt ')
    .replace(
      /(\d+(?:\.\d+)?)\s*(?:basis[\s-]+points?|bps?)\b/gi,
      (_, n: string) => ` ${fmt(Number(n) / 100)}pt `,
    )
    .replace(
      /(\d+(?:\.\d+)?)\s*(?:percentage[\s-]+points?|pts?)\b/gi,
      (_, n: string) => ` ${fmt(Number(n))}pt `,
    )
    .replace(/(\d)\s*(?:per\s*cent|percent|%)/gi, '$1pct')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(
      /(\d+(?:\.\d+)?)\s*(bn|billion|mn|million|m|tn|trillion|k|thousand)\b/gi,
      (_, n: string, unit: string) => ` ${n}${UNIT[unit.toLowerCase()] ?? unit} `,
    );
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

// Directions a headline can report. Kept to verbs of movement: a small closed class that word vectors
// cannot separate (antonyms sit close together in them), which is why it is a list.
const UP = new Set(
  'rise rose risen climb gain jump soar surg increas rais hike boost ralli rebound up higher advanc'.split(
    ' ',
  ),
);
const DOWN = new Set(
  'fall fell fallen drop slide slid slip declin sink sank plung tumbl lower cut reduc slash down loss lose lost slump retreat dip'.split(
    ' ',
  ),
);

export type Direction = -1 | 0 | 1;

export interface StoryTerms {
  terms: TermOccurrence[];
  /** +1 when the text reports a move up, −1 down, 0 neither or both. */
  direction: Direction;
}

/** What a lower-cased word is to the comparison, worked out once per word (a day repeats its words). */
interface WordInfo {
  /** The stemmed term, or undefined for a word that never counts (stopword, single letter). */
  term: string | undefined;
  /** A number word's digits ("five" → "5"). */
  number: string | undefined;
  /** +1 a move up, −1 a move down, 0 neither. */
  move: Direction;
  /** Counts for the direction but is too common in headlines to tell stories apart. */
  newsStop: boolean;
  /** A place name or demonym. */
  place: boolean;
}

const wordInfoCache = new Map<string, WordInfo>();
function wordInfo(lower: string): WordInfo {
  let info = wordInfoCache.get(lower);
  if (info) return info;
  const number = NUMBER_WORDS[lower];
  if (number) info = { term: undefined, number, move: 0, newsStop: false, place: false };
  else if (STOPWORDS.has(lower) || lower.length < 2)
    info = { term: undefined, number: undefined, move: 0, newsStop: false, place: false };
  else {
    const bare = lower.replace(/['’.]/g, '');
    const s = stem(defaultDemonyms().get(bare) ?? bare);
    const up = UP.has(s) || UP.has(lower);
    const down = DOWN.has(s) || DOWN.has(lower);
    info = {
      term: s,
      number: undefined,
      move: up && !down ? 1 : down && !up ? -1 : 0,
      newsStop: NEWS_STOP.has(lower) || NEWS_STOP.has(s),
      place: shippedPlaces().has(bare),
    };
  }
  // A long-running process sees an open-ended vocabulary: start over rather than grow without bound.
  if (wordInfoCache.size > 200_000) wordInfoCache.clear();
  wordInfoCache.set(lower, info);
  return info;
}

const TOKEN = /\$?[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;
// A trailing " - Outlet" or " | Outlet" names the outlet, not the story.
const OUTLET_SUFFIX = /\s+[-–—|]\s+[^-–—|]{2,40}$/;

/** Appends the terms of `text` (weighted by `weight`) to `out`; returns the direction it reports. */
export function readTerms(text: string, weight: number, out: TermOccurrence[], isTitle: boolean): Direction {
  const clean = normalizeAmounts(normalizeText(isTitle ? text.replace(OUTLET_SUFFIX, '') : text));
  const tokens = [...clean.matchAll(TOKEN)].map((m) => m[0]);
  // In a Title Case headline capitals say nothing; in sentence case they mark names.
  const capitalised = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
  const titleCase = tokens.length > 2 && capitalised / tokens.length > 0.6;
  let up = 0;
  let down = 0;
  for (let i = 0; i < tokens.length; i++) {
    const raw = (tokens[i] as string).replace(/['’]s$/i, '');
    const lower = raw.toLowerCase().replace(/^\$/, '');
    if (/\d/.test(lower)) {
      out.push({
        term: lower.replace(/\.0+(?=\D|$)/, ''),
        word: lower,
        weight,
        salient: true,
        inTitle: isTitle,
      });
      continue;
    }
    const info = wordInfo(lower);
    if (info.number) {
      out.push({ term: info.number, word: lower, weight, salient: true, inTitle: isTitle });
      continue;
    }
    if (info.term === undefined) continue;
    if (info.move === 1) up++;
    else if (info.move === -1) down++;
    if (info.newsStop) continue;
    const name = !titleCase && i > 0 && /^\p{Lu}/u.test(raw);
    out.push({
      term: info.term,
      word: lower,
      weight,
      salient: name || /^\p{Lu}{2,}$/u.test(raw),
      inTitle: isTitle,
      ...(info.place ? { place: true } : {}),
    });
  }
  // "Crowd-sourcing" and "crowdsourcing", "docu-series" and "docuseries": the joined word as well.
  if (clean.includes('-'))
    for (const m of clean.matchAll(HYPHENATED)) {
      const joined = m[0].replace(/-/g, '').toLowerCase();
      const info = wordInfo(joined);
      if (info.term !== undefined && !info.newsStop)
        out.push({ term: info.term, word: joined, weight, salient: false, inTitle: isTitle });
    }
  return up > down ? 1 : down > up ? -1 : 0;
}

const HYPHENATED = /\p{L}+(?:-\p{L}+)+/gu;

/** Terms of a headline and its description (its first 400 characters: the lede, not the furniture). */
export function storyTerms(title: string, summary?: string, summaryWeight = 1): StoryTerms {
  const terms: TermOccurrence[] = [];
  const direction = readTerms(title, 1, terms, true);
  if (summary) readTerms(summary.slice(0, 400), summaryWeight, terms, false);
  return { terms, direction };
}
