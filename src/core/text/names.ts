/**
 * People, organisations and places in news copy, from runs of capitalised words. A run is split at
 * titles ("U.S. Commerce Secretary | Howard Lutnick"), then named by word lists (countries and cities,
 * organisation words such as "Ministry" or "Inc.", known acronyms) and by shape: two or three name-like
 * words after a title, or on their own, are a person. Sentence-initial capitals ("According", "The") and
 * nationalities are not names. Precision first: a lone unknown capitalised word is left out.
 */
import { KNOWN_ORGS, NOT_NAMES, ORG_HEADS, PLACE_HEADS, PLACES, THING_HEADS, TITLES } from './gazetteer.ts';
import { isCommonWord, isFunctionWord, isGivenName, lexiconEntity } from './lexicon.ts';
import { type Mention, spanOf } from './mention.ts';
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
  // One country, one fact: the short and old names of a country are read as its full name.
  ['Britain', { type: 'place', name: 'United Kingdom' }],
  ['Great Britain', { type: 'place', name: 'United Kingdom' }],
  ['Holland', { type: 'place', name: 'Netherlands' }],
  ['Burma', { type: 'place', name: 'Myanmar' }],
  ['Czechia', { type: 'place', name: 'Czech Republic' }],
  ['UAE', { type: 'place', name: 'United Arab Emirates' }],
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

const classified = new Map<string, Mention['type'] | undefined>();

/** Type of a run that has no title in it; remembered by its words, which repeat through a story. */
function classify(tokens: Token[], afterTitle: boolean): Mention['type'] | undefined {
  const key = `${afterTitle ? 'T' : 'F'}${tokens.map((t) => t.text).join('\u0000')}`;
  if (classified.has(key)) return classified.get(key);
  if (classified.size >= 50_000) classified.clear();
  const type = classifyWords(tokens, afterTitle);
  classified.set(key, type);
  return type;
}

function classifyWords(tokens: Token[], afterTitle: boolean): Mention['type'] | undefined {
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
  // …but "Gucci Grace" is a nickname: a given name after the brand is no club or company.
  const known =
    lexiconEntity(name) ?? (tokens.length === 2 && !isGivenName(last) ? lexiconEntity(first) : undefined);
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
  /** The whole scanned text, for what stands next to a name ("(AFP)"). */
  text: string;
  out: Mention[];
  fullNames: Map<string, string>;
  /** Companies by their first word: "Acme" later is "Acme Corp.". */
  companies: Map<string, string>;
  /** Acronyms defined in the text: "Australian Federal Police (AFP)" makes "AFP" that organisation. */
  acronyms: Map<string, string>;
  /** The type each name got where it was recognised, by its text as written. */
  typeOf: Map<string, Mention['type']>;
}

/** "(AFP)", "(NCA)" right after an organisation's name: the acronym it goes by. */
const ACRONYM_AFTER = /^\s*\((\p{Lu}[\p{Lu}&.]{1,9})\)/u;

const COMPANY_SUFFIX = /^(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|Group|Holdings|AG|SA)\.?$/;

function emit(context: Context, type: Mention['type'], tokens: Token[]): void {
  const m = mention(type, tokens);
  const written = text(tokens);
  if (!context.typeOf.has(written)) context.typeOf.set(written, type);
  if (type === 'organization' && tokens.length >= 2) {
    const after = context.text.slice(tokens[tokens.length - 1]?.end ?? 0);
    const acronym = ACRONYM_AFTER.exec(after.slice(0, 16))?.[1];
    if (acronym && !context.acronyms.has(acronym)) context.acronyms.set(acronym, m.text);
  }
  if (tokens.length === 1 && context.acronyms.has(written)) {
    m.type = 'organization';
    m.text = context.acronyms.get(written) ?? m.text;
  }
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

/** A lone word that is the short name or the acronym of an organisation already named. */
function knownCompany(tokens: Token[], context: Context): boolean {
  const word = tokens[0]?.text ?? '';
  return tokens.length === 1 && (context.companies.has(word) || context.acronyms.has(word));
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

/** Words after a name that make it an organisation: "the Islamic State group", "the Kroger chain". */
const ORG_AFTER = new Set(
  'group militia militants movement chain retailer brand carrier insurer lender'.split(' '),
);

/** "shares in easyJet", "a stake in Arcturus", "the Islamic State group": the name is an organisation. */
function orgCue(tokens: Token[], run: Token[]): boolean {
  const start = tokens.indexOf(run[0] as Token);
  const end = tokens.indexOf(run[run.length - 1] as Token);
  const before = `${tokens[start - 2]?.text ?? ''} ${tokens[start - 1]?.text ?? ''}`.toLowerCase();
  return (
    ORG_BEFORE.includes(before) || ORG_AFTER.has(tokens[end + 1]?.text ?? '') || orgAppositive(tokens, end)
  );
}

/** Who a person is to someone: "her lawyer, Wellington Zindi", "his brother Tom". */
const ROLE_NOUNS = new Set(
  'lawyer lawyers attorney spokesman spokeswoman spokesperson wife husband partner son daughter mother father brother sister friend neighbour neighbor colleague cousin uncle aunt widow widower'.split(
    ' ',
  ),
);

/** A name-shaped run of two or three words right after a role noun: "her lawyer, Wellington Zindi". */
function personCue(tokens: Token[], run: Token[]): boolean {
  if (run.length < 2 || run.length > 3 || !run.every((t) => NAME_WORD.test(t.text) && !NOT_NAMES.has(t.text)))
    return false;
  const start = tokens.indexOf(run[0] as Token);
  const before = tokens[start - 1]?.text === ',' ? tokens[start - 2] : tokens[start - 1];
  return ROLE_NOUNS.has(before?.text ?? '');
}

/** Nouns that say what an organisation is, in an appositive: "NetChoice, a trade group backed by …". */
const ORG_NOUNS = new Set(
  'group company firm chain retailer startup charity agency organisation organization lender carrier airline insurer union party militia broadcaster newspaper'.split(
    ' ',
  ),
);

/** "X, a trade group", "X, the budget airline": a comma, an article, then an organisation noun within three words. */
function orgAppositive(tokens: Token[], end: number): boolean {
  if (tokens[end + 1]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[end + 2]?.text ?? '')) return false;
  return tokens.slice(end + 3, end + 6).some((t) => ORG_NOUNS.has(t.text));
}

/**
 * People, organisations and places mentioned in `fullText` (lines are paragraphs), in order, each with its
 * offset. Titles are not part of a name; "U.S."/"US" are "United States"; a surname alone after a full
 * name is that person. Text inside `skip` spans (dates, times, amounts already found) is not read.
 */
export function nameMentions(fullText: string, skip: readonly Mention[] = []): Mention[] {
  const context: Context = {
    text: fullText,
    out: [],
    fullNames: new Map(),
    companies: new Map(),
    acronyms: new Map(),
    typeOf: new Map(),
  };
  const unresolved: Unresolved[] = [];
  // Characters inside a skipped span, marked once: a lookup per token instead of a scan of every span.
  const inSkip = new Uint8Array(fullText.length + 1);
  for (const m of skip) inSkip.fill(1, m.at, Math.min(fullText.length, m.at + spanOf(m)));
  const skipped = (t: Token) => inSkip[t.at] === 1;
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
        if (trimmed.length === 0 || quoted(fullText, trimmed)) continue;
        const before = context.out.length;
        nameRun(context, tokens, trimmed, sentenceStart);
        if (context.out.length === before)
          unresolved.push({ tokens: trimmed, initial: trimmed[0]?.at === sentenceStart });
      }
    }
    offset += line.length + 1;
  }
  resolve(context, unresolved);
  return context.out.sort((a, b) => a.at - b.at);
}

/** A run no rule named, kept for a second look once the whole text has been read. */
interface Unresolved {
  tokens: Token[];
  /** It opens its sentence (where any word is capitalised). */
  initial: boolean;
}

const OPEN_QUOTES = new Set(['"', '“', '‘', "'", '«']);
const CLOSE_QUOTES = new Set(['"', '”', '’', "'", '»']);

/** ‘"Gucci Grace"’: a name in quotes is a nickname, a title or a slogan, not an entity. */
function quoted(fullText: string, run: Token[]): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return false;
  return OPEN_QUOTES.has(fullText.charAt(first.at - 1)) && CLOSE_QUOTES.has(fullText.charAt(last.end));
}

/**
 * Second look at the runs no rule named: a run named elsewhere in the story is named the same here
 * ("Kroger" after "shares in Kroger"), and a name of two to four words that the story keeps repeating
 * ("Whole Foods", 3+ times, not only at sentence starts) is an organisation: people and places are
 * recognised by their own rules, and what recurs unrecognised in news is nearly always a company or group.
 */
function resolve(context: Context, unresolved: Unresolved[]): void {
  const seen = new Map<string, Unresolved[]>();
  for (const u of unresolved) {
    const key = text(u.tokens);
    seen.set(key, [...(seen.get(key) ?? []), u]);
  }
  for (const [name, runs] of seen) {
    const type = context.typeOf.get(name) ?? (recurringOrganization(runs) ? 'organization' : undefined);
    if (type) for (const u of runs) emit(context, type, u.tokens);
  }
}

const RECURRING = 3;

function recurringOrganization(runs: Unresolved[]): boolean {
  const tokens = runs[0]?.tokens ?? [];
  const words = tokens.filter((t) => !INNER.has(t.text));
  return (
    runs.length >= RECURRING &&
    runs.some((u) => !u.initial) &&
    words.length >= 2 &&
    // "Frank Jordan", "Joy Smith": a given name or surname is a person we could not confirm, not a company.
    !isGivenName(words[0]?.text ?? '') &&
    !isGivenName(words[words.length - 1]?.text ?? '') &&
    // "CURRENT JOB": a heading in capitals, not a name.
    !words.every((t) => t.text === t.text.toUpperCase()) &&
    words.length <= 4 &&
    !words.some(
      (t, i) =>
        NOT_NAMES.has(t.text) ||
        THING_HEADS.has(t.text) ||
        (i > 0 && PLACE_HEADS.has(t.text)) ||
        isFunctionWord(t.text) ||
        titleAt(tokens, tokens.indexOf(t)) > 0,
    )
  );
}

/** Names one run of capitalised words (or leaves it for the second look). */
function nameRun(context: Context, tokens: Token[], trimmed: Token[], sentenceStart: number): void {
  if (trimmed.length <= 3 && classify(trimmed, false) === undefined) {
    const cue = placeCue(tokens, trimmed)
      ? 'place'
      : orgCue(tokens, trimmed)
        ? 'organization'
        : personCue(tokens, trimmed)
          ? 'person'
          : undefined;
    if (cue) {
      emit(context, cue, trimmed);
      return;
    }
  }
  // A single word opening the sentence is too often just a capitalised word ("Shares", "Talks").
  const lone = trimmed.length === 1 && trimmed[0]?.at === sentenceStart;
  const known = knownSurname(trimmed, context) || knownCompany(trimmed, context);
  if (lone && !known && classify(trimmed, false) === undefined) return;
  namesIn(trimmed, context);
}
