/**
 * Grounding: is everything checkable in a model's text also in the source? Numbers, amounts, dates,
 * percentages and proper names are compared after normalising how they are written, so "$550bn" matches
 * "$550 billion", "5%" matches "5 per cent", "Dec. 23" matches "23 December" and "1,200" matches "1200".
 * A model may rephrase the words; it may not bring a figure, a date or a name the article does not have.
 */
import { isCommonWord } from './text/lexicon.ts';
import { nameMentions } from './text/names.ts';
import { numericMentions } from './text/numeric-facts.ts';
import { normalizeText } from './text/tokens.ts';

/** Why a text is not grounded: the facts in it the source does not have, as written in the text. */
export interface GroundingResult {
  grounded: boolean;
  missing: string[];
}

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  [
    ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
      .split(' ')
      .map((w, i) => [w, i] as const),
    ...'thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, 30 + 10 * i] as const),
    ['hundred', 100] as const,
    ['dozen', 12] as const,
  ].map(([w, n]) => [w, n]),
);
const SCALE_WORD = String.raw`(?:\s?(trillion|billion|million|thousand|bn|tn|mn|m|k)\b)?`;
/** Digits with thousands separators only in threes ("1,200", not the list "1,2"), a decimal part, a scale. */
const DIGITS = new RegExp(
  String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?${SCALE_WORD}(?:\s?%|\s(?:per ?cent|percent)\b)?`,
  'giu',
);
const WORD_NUMBERS = new RegExp(String.raw`\b(${Object.keys(NUMBER_WORDS).join('|')})\b${SCALE_WORD}`, 'giu');
/** A number word in the model's text only counts as a figure when a scale or "per cent" follows it. */
const MODEL_WORD_NUMBERS = new RegExp(
  String.raw`\b(${Object.keys(NUMBER_WORDS).join('|')})\s(trillion|billion|million|thousand|per ?cent|percent)\b`,
  'giu',
);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** "Jan", "Jan.", "January", "Sept" → "january"… (May has no abbreviation). */
const MONTH_WORD = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?/gu;
const WEEKDAY_WORD = /\b(Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)[a-z]*day\b/gu;

const CURRENCIES: Array<[RegExp, string]> = [
  [/\$|dollar/i, '$'],
  [/£|pound|sterling/i, '£'],
  [/€|euro/i, '€'],
  [/¥|yen/i, '¥'],
  [/yuan|renminbi/i, 'yuan'],
  [/₹|rupee/i, '₹'],
  [/₩|won\b/i, '₩'],
];

function canonicalNumber(digits: string, decimals: string | undefined, scale: string | undefined): string {
  let value = Number(`${digits.replace(/,/g, '')}${decimals ?? ''}`);
  if (scale) value *= SCALES[scale.toLowerCase()] ?? 1;
  return `#${Number(value.toPrecision(12))}`;
}

function numbersIn(text: string, wordsToo: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(DIGITS)) out.set(canonicalNumber(m[1] ?? '', m[2], m[3]), m[0]);
  for (const m of text.matchAll(wordsToo)) {
    const base = NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? 0;
    const scale = /per ?cent|percent/i.test(m[2] ?? '') ? undefined : m[2];
    out.set(canonicalNumber(String(base), undefined, scale), m[0]);
  }
  return out;
}

function calendarWordsIn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(MONTH_WORD)) {
    const prefix = (m[1] ?? '').toLowerCase();
    const month = MONTHS.find((name) => name.startsWith(prefix.slice(0, 3)));
    // "Marching", "Mayor", "Decided" are not months: the word must be the month or its abbreviation.
    const word = m[0].toLowerCase().replace(/\.$/, '');
    if (month && (month === word || month.startsWith(word)))
      out.set(`month:${month}`, m[0].replace(/\.$/, ''));
  }
  for (const m of text.matchAll(WEEKDAY_WORD)) {
    const day = WEEKDAYS.find((d) => d === m[0].toLowerCase());
    if (day) out.set(`day:${day}`, m[0]);
  }
  return out;
}

function currenciesIn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of numericMentions(text)) {
    if (m.type !== 'money') continue;
    const found = CURRENCIES.find(([re]) => re.test(m.text));
    if (found) out.set(`currency:${found[1]}`, m.text);
  }
  return out;
}

/** Case, curly quotes, dots in abbreviations ("U.S." = "US") and spacing do not matter. */
function foldName(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Capitalised words that are not the first of a sentence, or are but are not ordinary words. */
function capitalisedWords(text: string): string[] {
  const out: string[] = [];
  const plain = normalizeText(text);
  for (const m of plain.matchAll(/(?<![\p{L}\p{N}'.-])\p{Lu}[\p{L}\p{N}'.-]*/gu)) {
    const word = m[0].replace(/['.-]+$|'s$/u, '');
    // What comes before the word, spaces and quotes left out: nothing or an end of sentence = it opens one.
    const before = plain.slice(0, m.index).replace(/[\s"'([]+$/u, '');
    const first = before === '' || /[.!?:;]$/u.test(before);
    // A sentence may open on any ordinary word ("Caught", "Appalling"); a name is checked all the same.
    if (!word || (first && (COMMON_OPENERS.has(word.toLowerCase()) || isCommonWord(word)))) continue;
    out.push(word);
  }
  return out;
}

/**
 * Words a model may open a sentence with that are never names (the lexicon covers the rest of ordinary
 * English). An unknown capitalised word must be in the article, so an invented name cannot slip through.
 */
const COMMON_OPENERS = new Set(
  'the a an this that these those it its they their there he she his her we our in on at for from with by as after before while when if but and or so yet also however meanwhile why what how who which officials critics analysts experts investors residents some many most several both other others one two three four five six seven eight nine ten more less no not all any each such while despite although though because since until under over about according'.split(
    ' ',
  ),
);

/**
 * Checks `text` (a model's summary) against `source` (the article and whatever else it may draw on).
 * Grounded when every figure, currency, month, weekday and proper name in `text` also occurs in `source`.
 *
 * @example checkGrounding('Revenue rose 5%.', 'Revenue rose 5 per cent in May.') // → { grounded: true, missing: [] }
 */
export function checkGrounding(text: string, source: string): GroundingResult {
  const missing: string[] = [];
  const have = new Set([
    ...numbersIn(source, WORD_NUMBERS).keys(),
    ...calendarWordsIn(source).keys(),
    ...currenciesIn(source).keys(),
  ]);
  for (const facts of [numbersIn(text, MODEL_WORD_NUMBERS), calendarWordsIn(text), currenciesIn(text)]) {
    for (const [key, written] of facts) if (!have.has(key)) missing.push(written);
  }

  const foldedSource = ` ${foldName(source)} `;
  const sourceNames = new Set(nameMentions(source, numericMentions(source)).map((m) => foldName(m.text)));
  const inSource = (name: string) => {
    const folded = foldName(name);
    return folded === '' || foldedSource.includes(` ${folded} `) || sourceNames.has(folded);
  };
  const modelNames = nameMentions(text, numericMentions(text));
  for (const m of modelNames) if (!inSource(m.text)) missing.push(m.text);
  // Names the name finder leaves out (a lone unknown word) are checked word by word.
  for (const word of capitalisedWords(text)) {
    // Months and weekdays ("Mar", "Tuesday") were checked as dates above.
    if (inSource(word) || calendarWordsIn(word).size > 0) continue;
    // An alias the name finder resolved ("US" → "United States") is grounded through the name.
    if (modelNames.some((m) => sourceNames.has(foldName(m.text)) && text.slice(m.at).startsWith(word)))
      continue;
    missing.push(word);
  }
  return { grounded: missing.length === 0, missing: [...new Set(missing)] };
}
