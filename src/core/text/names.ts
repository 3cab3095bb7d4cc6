/**
 * People, organisations and places in news copy, from runs of capitalised words. A run is split at
 * titles ("U.S. Commerce Secretary | Howard Lutnick"), then named by word lists (countries and cities,
 * organisation words such as "Ministry" or "Inc.", known acronyms) and by shape: two or three name-like
 * words after a title, or on their own, are a person. Sentence-initial capitals ("According", "The") and
 * nationalities are not names. Precision first: a lone unknown capitalised word is left out.
 */
import { KNOWN_ORGS, NOT_NAMES, ORG_HEADS, PLACE_HEADS, PLACES, THING_HEADS, TITLES } from './gazetteer.ts';
import { isCommonWord, isFunctionWord, isGivenName, lexiconEntity } from './lexicon.ts';
import type { Mention } from './numeric-facts.ts';
import { splitSentences } from './sentences.ts';
import { STOPWORDS } from './stopwords.ts';

interface Token {
  text: string;
  at: number;
  /** Offset just past the token as written. */
  end: number;
  capital: boolean;
  /** Ended in "'s": the possessor is a name of its own ("Japan’s Ministry of …"). */
  possessive: boolean;
}

/** Abbreviations whose final dot belongs to the word. */
const KEEP_DOT = new Set(
  'Inc Corp Co Ltd Jr Sr Dr Mr Mrs Ms St Gov Sen Rep Gen Lt Col Capt Prof Rev Sgt Mt Ft'.split(' '),
);
/** Lower-case words that may sit inside a name: "Bank of England", "Ludwig van Beethoven". */
const INNER = new Set(['of', 'de', 'du', 'da', 'van', 'von', 'der', 'del', 'la', 'le', 'bin', 'al', '&']);
/** Organisation names that list their remits: "Ministry of Economy, Trade and Industry". */
const LISTING_HEADS = new Set([
  'Ministry',
  'Department',
  'Office',
  'Committee',
  'Commission',
  'Council',
  'Bureau',
  'Institute',
  'Secretary',
  'Board',
  'Federation',
  'Association',
  'Society',
  'Academy',
  'Museum',
  'School',
  'Faculty',
]);
const ALIASES = new Map<string, { type: Mention['type']; name: string }>([
  ['U.S.', { type: 'place', name: 'United States' }],
  ['US', { type: 'place', name: 'United States' }],
  ['USA', { type: 'place', name: 'United States' }],
  ['United States of America', { type: 'place', name: 'United States' }],
  ['U.K.', { type: 'place', name: 'United Kingdom' }],
  ['UK', { type: 'place', name: 'United Kingdom' }],
  ['U.N.', { type: 'organization', name: 'United Nations' }],
  ['UN', { type: 'organization', name: 'United Nations' }],
  ['E.U.', { type: 'organization', name: 'European Union' }],
  ['EU', { type: 'organization', name: 'European Union' }],
]);

const TOKEN = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?|[,&]/gu;

function tokenize(sentence: string, offset: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sentence); m !== null; m = TOKEN.exec(sentence)) {
    let text = m[0];
    // A final dot is the sentence's unless the word is an abbreviation ("Inc.", "U.S.").
    if (text.endsWith('.') && !text.slice(0, -1).includes('.') && !KEEP_DOT.has(text.slice(0, -1))) {
      text = text.slice(0, -1);
    }
    const possessive = /['’]s$/u.test(text);
    if (possessive) text = text.slice(0, -2);
    // "easyJet", "eBay", "iPhone" are capitalised names too.
    const capital = /^\p{Lu}|^\p{Ll}{1,4}\p{Lu}/u.test(text);
    out.push({ text, at: offset + m.index, end: offset + m.index + m[0].length, capital, possessive });
  }
  return out;
}

/** Runs of capitalised tokens joined by name-internal words ("of", "&", a remit list). */
function chunks(tokens: Token[], gapAt: (from: number, to: number) => boolean): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length) out.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.capital) {
      // "(CNN)The", "Washington: Officials": punctuation between two capitalised words ends a name.
      const previous = run[run.length - 1];
      if (previous && gapAt(previous.end, t.at)) flush();
      run.push(t);
      if (t.possessive) flush();
      continue;
    }
    const next = tokens[i + 1];
    const listing = run.some((r, k) => LISTING_HEADS.has(r.text) && run[k + 1]?.text === 'of');
    const joins =
      run.length > 0 &&
      next?.capital === true &&
      (INNER.has(t.text) || (listing && (t.text === ',' || t.text === 'and')));
    if (joins) run.push(t);
    else flush();
  }
  flush();
  return out;
}

const text = (tokens: Token[]) =>
  tokens
    .map((t) => (t.text === ',' ? ',' : ` ${t.text}`))
    .join('')
    .trim();

/** The longest title starting at token i ("Prime Minister", "Secretary"), as a token count. */
function titleAt(tokens: Token[], i: number): number {
  for (const n of [3, 2, 1]) {
    if (i + n > tokens.length) continue;
    if (TITLES.has(text(tokens.slice(i, i + n)))) return n;
  }
  return 0;
}

/** Romance-language articles that open names of things and places. */
const ARTICLES = new Set(['La', 'Le', 'Les', 'El', 'Los', 'Las']);

/** A word that can be part of a person's name: "Ryosei", "McLean", "O'Leary", "Jean-Pierre", "W.", "Jr." */
const NAME_WORD =
  /^\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:['’-]\p{Lu}?\p{Ll}+)*$|^\p{Lu}\.$|^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/u;

function looksLikePersonName(tokens: Token[]): boolean {
  if (tokens.length < 2 || tokens.length > 4) return false;
  const words = tokens.filter((t) => !INNER.has(t.text));
  return (
    words.length >= 2 &&
    // "La Liga", "Le Monde", "El Paso": an article, not a first name.
    !ARTICLES.has(words[0]?.text ?? '') &&
    words.every((t) => NAME_WORD.test(t.text) && !NOT_NAMES.has(t.text) && !ORG_HEADS.has(t.text)) &&
    // "Grandmother-of-three": a describing compound, not a double-barrelled name.
    !words.some((t) => /-\p{Ll}+-/u.test(t.text)) &&
    // "Medog County of Tibet", "Barbie Doll": a place or a thing, not a person.
    !words.some((t, i) => (i > 0 && PLACE_HEADS.has(t.text)) || THING_HEADS.has(t.text)) &&
    !PLACES.has(text(tokens)) &&
    // "Howard Lutnick", "Ryosei Akazawa" (unknown words) pass; "Golden Rose", "Reports Reports" do not.
    !isCommonWord(words[0]?.text ?? '') &&
    !words.some((t) => isFunctionWord(t.text))
  );
}

/** Type of a run that has no title in it. */
function classify(tokens: Token[], afterTitle: boolean): Mention['type'] | undefined {
  const name = text(tokens);
  const alias = ALIASES.get(name);
  if (alias) return alias.type;
  if (PLACES.has(name)) return 'place';
  if (tokens.length === 2 && PLACE_PREFIXES.has(tokens[0]?.text ?? '') && tokens[1]?.capital) return 'place';
  if (KNOWN_ORGS.has(name)) return 'organization';
  const last = tokens[tokens.length - 1]?.text ?? '';
  const first = tokens[0]?.text ?? '';
  if (tokens.length > 1 && PLACE_HEADS.has(last)) return 'place';
  if (tokens.length > 1 && THING_HEADS.has(last)) return undefined;
  if (tokens.length > 1 && (ORG_HEADS.has(last) || LISTING_HEADS.has(first) || ORG_HEADS.has(first))) {
    return tokens.some((t) => t.text === 'of') || ORG_HEADS.has(last) ? 'organization' : undefined;
  }
  // The lexicon knows many cities and companies ("Khartoum", "Ryanair"; "Bayer Leverkusen" by its first word).
  const known = lexiconEntity(name) ?? (tokens.length === 2 ? lexiconEntity(first) : undefined);
  if (known === 'place' && tokens.length === 1) return 'place';
  if (known === 'organization') return 'organization';
  // "Atletico Madrid", "Bayern Munich": an unknown word before a city names a club, not a person.
  if (
    !afterTitle &&
    tokens.length === 2 &&
    PLACES.has(last) &&
    !isGivenName(first) &&
    !isCommonWord(first) &&
    !PLACES.has(first)
  )
    return 'organization';
  if (afterTitle && tokens.every((t) => NAME_WORD.test(t.text) && !NOT_NAMES.has(t.text))) return 'person';
  if (looksLikePersonName(tokens)) return 'person';
  // Acronyms of organisations we do not list ("SEC", "NHS") are too often something else to guess.
  return undefined;
}

function mention(type: Mention['type'], tokens: Token[]): Mention {
  const name = text(tokens);
  return { type, text: ALIASES.get(name)?.name ?? name, at: tokens[0]?.at ?? 0 };
}

/** The known place or organisation at the start of a run, as a token count ("U.S." in "U.S. Commerce"). */
function knownPrefix(tokens: Token[]): number {
  for (let n = tokens.length; n > 0; n--) {
    const name = text(tokens.slice(0, n));
    if (ALIASES.has(name) || PLACES.has(name) || KNOWN_ORGS.has(name)) return n;
  }
  return 0;
}

/** What the scan has learnt so far: full names by surname, so "Lutnick" later is "Howard Lutnick". */
interface Context {
  out: Mention[];
  fullNames: Map<string, string>;
  /** Companies by their first word: "Acme" later is "Acme Corp.". */
  companies: Map<string, string>;
}

const COMPANY_SUFFIX = /^(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|Group|Holdings|AG|SA)\.?$/;

function emit(context: Context, type: Mention['type'], tokens: Token[]): void {
  const m = mention(type, tokens);
  if (
    type === 'organization' &&
    tokens.length >= 2 &&
    COMPANY_SUFFIX.test(tokens[tokens.length - 1]?.text ?? '')
  ) {
    const first = tokens[0]?.text ?? '';
    if (!context.companies.has(first)) context.companies.set(first, m.text);
  }
  if (type === 'organization' && tokens.length === 1) m.text = context.companies.get(m.text) ?? m.text;
  if (type === 'person') {
    const words = tokens.filter((t) => !/^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/.test(t.text));
    if (words.length >= 2) {
      const surname = words[words.length - 1]?.text ?? '';
      if (!context.fullNames.has(surname)) context.fullNames.set(surname, m.text);
    } else {
      m.text = context.fullNames.get(m.text) ?? m.text;
    }
  }
  context.out.push(m);
}

/** A lone word that is the surname of someone already named. */
function knownSurname(tokens: Token[], context: Context): boolean {
  return tokens.length === 1 && context.fullNames.has(tokens[0]?.text ?? '');
}

/** A lone word that is the short name of a company already named. */
function knownCompany(tokens: Token[], context: Context): boolean {
  return tokens.length === 1 && context.companies.has(tokens[0]?.text ?? '');
}

/** Splits a run at titles and names each part. */
function namesIn(run: Token[], context: Context): void {
  // "Premier League", "Prime Minister's Office": a title word inside an organisation's name.
  if (
    run.length > 1 &&
    ORG_HEADS.has(run[run.length - 1]?.text ?? '') &&
    !looksLikePersonName(run.slice(-2))
  ) {
    emit(context, 'organization', run);
    return;
  }
  let start = 0;
  for (let i = 0; i < run.length; i++) {
    const n = titleAt(run, i);
    if (n === 0) continue;
    const before = run.slice(start, i);
    // "U.S. Commerce Secretary": keep the place, drop the department word.
    const known = knownPrefix(before);
    if (known > 0) {
      const part = before.slice(0, known);
      const type = classify(part, false);
      if (type) emit(context, type, part);
    } else if (before.length > 0) {
      const type = classify(before, false);
      if (type && type !== 'person') emit(context, type, before);
    }
    // The name after the title: up to the next title.
    let end = i + n;
    while (end < run.length && titleAt(run, end) === 0) end++;
    const after = run.slice(i + n, end).filter((t) => t.text !== ',');
    if (after.length > 0 && after.length <= 4) {
      const type = classify(after, true);
      if (type) emit(context, type, after);
    }
    start = end;
    i = end - 1;
  }
  const rest = run.slice(start);
  if (rest.length === 0) return;
  const type = knownSurname(rest, context)
    ? 'person'
    : knownCompany(rest, context)
      ? 'organization'
      : classify(rest, false);
  if (type) emit(context, type, rest);
}

/**
 * Drops leading words that are capitalised without being names: sentence openers ("The", "According"),
 * months and nationalities ("Japanese officials"), except where they start an organisation's name
 * ("European Central Bank", "The Times" keeps "Times").
 */
function trimOpening(run: Token[]): Token[] {
  const endsAsOrg = ORG_HEADS.has(run[run.length - 1]?.text ?? '');
  let i = 0;
  while (i < run.length) {
    const word = run[i]?.text ?? '';
    if (INNER.has(word)) {
      i++;
      continue;
    }
    if (!NOT_NAMES.has(word) && !COUNTS.has(word)) break;
    // "Two Transportation Security Administration screeners": a count never starts a name.
    if (endsAsOrg && run.length - i >= 2 && !STOPWORDS.has(word.toLowerCase()) && !COUNTS.has(word)) break;
    i++;
  }
  // "Pensioner Terry Cooper", "Grandmother-of-three Pat": a describing word before a given name.
  const first = run[i]?.text ?? '';
  const second = run[i + 1]?.text ?? '';
  const third = run[i + 2]?.text ?? '';
  if (
    !endsAsOrg &&
    NAME_WORD.test(third) &&
    isGivenName(second) &&
    !isGivenName(first) &&
    !knownPrefix(run.slice(i, i + 1))
  )
    i++;
  return run.slice(i);
}

/** Counting words that open a phrase without belonging to the name after them. */
const COUNTS = new Set(
  'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds Thousands Millions Several Many Some Both'.split(
    ' ',
  ),
);

/** First words of place names: "Port Sudan", "Lake Geneva", "San Diego". */
const PLACE_PREFIXES = new Set(
  'Port Fort Mount Lake Cape San Santa Saint St St. Sao New North South East West Upper Lower Greater Central'.split(
    ' ',
  ),
);
/** Words after a name that make it a place or an organisation: "Luton airport", "shares in easyJet". */
const PLACE_AFTER = new Set('airport port province county district region island islands'.split(' '));
const ORG_BEFORE = [
  'shares in',
  'shares of',
  'stake in',
  'owner of',
  'chief executive of',
  'boss of',
  'bid for',
];

/** Words that name a kind of place: "the town of Palu", "the island of Sulawesi". */
const PLACE_NOUNS = new Set(
  'town city village island islands province state region county district capital port suburb'.split(' '),
);

/** "the town of X", or "X, <known place>" as in "Redmond, Washington". */
function placeCue(tokens: Token[], run: Token[]): boolean {
  const start = tokens.indexOf(run[0] as Token);
  const end = tokens.indexOf(run[run.length - 1] as Token);
  const before = tokens[start - 1]?.text;
  const noun = tokens[start - 2]?.text.toLowerCase() ?? '';
  if (before === 'of' && PLACE_NOUNS.has(noun)) return true;
  if (PLACE_AFTER.has(tokens[end + 1]?.text ?? '')) return true;
  const next = tokens[end + 2]?.text ?? '';
  return tokens[end + 1]?.text === ',' && PLACES.has(next) && !ALIASES.has(next);
}

/** "shares in easyJet", "a stake in Arcturus": what follows is a company. */
function orgCue(tokens: Token[], run: Token[]): boolean {
  const start = tokens.indexOf(run[0] as Token);
  const before = `${tokens[start - 2]?.text ?? ''} ${tokens[start - 1]?.text ?? ''}`.toLowerCase();
  return ORG_BEFORE.includes(before);
}

/**
 * People, organisations and places mentioned in `fullText` (lines are paragraphs), in order, each with its
 * offset. Titles are not part of a name; "U.S."/"US" are "United States"; a surname alone after a full
 * name is that person. Text inside `skip` spans (dates, times, amounts already found) is not read.
 */
export function nameMentions(fullText: string, skip: readonly Mention[] = []): Mention[] {
  const context: Context = { out: [], fullNames: new Map(), companies: new Map() };
  const skipped = (t: Token) => skip.some((m) => t.at >= m.at && t.at < m.at + m.text.length);
  let offset = 0;
  for (const line of fullText.split('\n')) {
    let from = 0;
    for (const sentence of splitSentences(line)) {
      const at = line.indexOf(sentence, from);
      from = at + sentence.length;
      const sentenceStart = offset + at;
      // A token inside a date or time breaks a run rather than vanishing from it.
      const tokens = tokenize(sentence, sentenceStart).map((t) =>
        skipped(t) ? { ...t, text: '|', capital: false } : t,
      );
      const gapAt = (from: number, to: number) => /[^\s]/u.test(fullText.slice(from, to));
      for (const run of chunks(tokens, gapAt)) {
        const trimmed = trimOpening(run);
        if (trimmed.length === 0) continue;
        if (trimmed.length <= 3 && classify(trimmed, false) === undefined) {
          const cue = placeCue(tokens, trimmed)
            ? 'place'
            : orgCue(tokens, trimmed)
              ? 'organization'
              : undefined;
          if (cue) {
            emit(context, cue, trimmed);
            continue;
          }
        }
        // A single word opening the sentence is too often just a capitalised word ("Shares", "Talks").
        const lone = trimmed.length === 1 && trimmed[0]?.at === sentenceStart;
        const known = knownSurname(trimmed, context) || knownCompany(trimmed, context);
        if (lone && !known && classify(trimmed, false) === undefined) continue;
        namesIn(trimmed, context);
      }
    }
    offset += line.length + 1;
  }
  return context.out;
}
