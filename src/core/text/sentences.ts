/**
 * Rule-based English sentence splitting tuned for news copy. A full stop is a boundary unless the token
 * before it is an abbreviation (titles, months, "U.S.", "p.m.", initials, company suffixes), a list
 * marker or "No." before a number; dotted abbreviations and initials end a sentence only when the next
 * word is a typical sentence opener ("in the U.S. The …" splits, "U.S. Commerce Secretary" does not).
 */

/** Never end a sentence after these (compared lower-cased, without the final dot). */
const NEVER = new Set(
  (
    'mr mrs ms mx messrs mmes mme mlle dr prof rev revd hon pres gov sen sens rep reps gen gens lt col capt cpt ' +
    'cmdr cdr adm brig maj sgt cpl pvt supt insp det fr msgr st ste mt rt atty treas sec ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'vs v viz cf e.g i.e a.k.a fig figs vol vols pp eds approx ref ave blvd hwy dept univ assn'
  ).split(' '),
);

/** End a sentence after these only when the next word opens sentences ("Apple Inc. The firm …"). */
const SOFT = new Set(
  (
    'inc ltd co corp plc llc llp bros etc al jr sr mon tue tues wed thu thur thurs fri sat sun yr yrs ' +
    'mph ft km kg lb lbs oz min mins hr hrs sq rd'
  ).split(' '),
);

/** US state abbreviations in AP style; matched case-sensitively so "fell ill. Doctors" still splits. */
const STATES = new Set(
  (
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb ' +
    'Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo'
  ).split(' '),
);

/** Words that typically open a sentence; used to resolve "U.S." / "p.m." / "Inc." / initials. */
const OPENERS = new Set(
  (
    'the a an he she it they we i you his her its their our my your this that these those there here ' +
    'but and so yet or nor if when while after before as in on at for from by with without since until ' +
    'however meanwhile still also now then today yesterday tomorrow tonight last next some many most ' +
    'more several few all both each every such other another no not nothing none only even just ' +
    'one two three four five six seven eight nine ten mr mrs ms dr officials police authorities ' +
    'what who whom whose why how where which despite although though according earlier later ' +
    'instead indeed thus hence therefore furthermore moreover nevertheless nonetheless overall ' +
    'analysts experts critics investors people residents witnesses prosecutors lawyers'
  ).split(' '),
);

/** Opening quotes, brackets and bullets that may precede the first word of a sentence. */
const OPEN_CHARS = `"'“‘«‹([{¿¡*•–—-`;
const TRAILING_NON_LETTERS = /[^\p{L}]+$/u;
/** A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace. */
const CANDIDATE = /([.!?…]+)(["'”’»›)\]]*)(?=\s)/gu;
/** Letters separated by dots: U.S, a.m, e.g, Ph.D, U.S.A. */
const DOTTED = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;
const LIST_MARKER = /^(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})$/;

/** The last whitespace-separated token of `text` (scanning back, so long sentences stay linear). */
function lastToken(text: string): string {
  let i = text.length;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return text.slice(i);
}

/** The characters `\s` matches, by code unit. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function stripOpen(token: string): string {
  let i = 0;
  while (i < token.length && OPEN_CHARS.includes(token.charAt(i))) i++;
  return i === 0 ? token : token.slice(i);
}

/** The next word, opening quotes and brackets removed. */
function nextWord(text: string, from: number): string {
  let start = from;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  let end = start;
  const limit = Math.min(text.length, start + 80);
  while (end < limit && !isSpace(text.charCodeAt(end))) end++;
  return stripOpen(text.slice(start, end));
}

function isOpener(word: string): boolean {
  return OPENERS.has(word.replace(TRAILING_NON_LETTERS, '').toLowerCase());
}

/** Whether a sentence may start with this word: a capital letter, a digit or a currency/© sign. */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true; // A-Z
  if (code >= 48 && code <= 57) return true; // 0-9
  if (code < 128 && code !== 36) return false; // other ASCII, except "$"
  return /^[\p{Lu}\p{N}$£€¥©]/u.test(word);
}

/**
 * Decide a "." boundary from the token before it (`prev`, without the dot), the text of the sentence so
 * far and the next word.
 */
function periodEnds(prev: string, sentenceSoFar: string, next: string): boolean {
  const core = stripOpen(prev);
  const low = core.toLowerCase();
  if (core === '') return true;
  if (low === 'no' || low === 'nos' || low === 'art' || low === 'pt') return !/^\p{N}/u.test(next);
  if (NEVER.has(low)) return false;
  // "1. Buy bread", "a) … b. …": a bare marker opening the sentence, or right after a colon.
  if (
    LIST_MARKER.test(core) &&
    (sentenceSoFar.trim() === prev || /[:;]\s*\S+$/u.test(sentenceSoFar.slice(-40)))
  ) {
    return false;
  }
  if (/^\p{Lu}$/u.test(core)) return isOpener(next); // an initial: "George W. Bush"
  if (DOTTED.test(core)) return isOpener(next); // "U.S.", "a.m.", "Ph.D."
  if (SOFT.has(low) || STATES.has(core)) return isOpener(next);
  return true;
}

/**
 * Split one paragraph into sentences. Each sentence is an exact, trimmed substring of the input, in
 * order; nothing is dropped except the whitespace between sentences. Line breaks are always boundaries.
 *
 * @example splitSentences('Talks resumed in the U.S. The deal is worth $10.9bn.')
 *   // → ['Talks resumed in the U.S.', 'The deal is worth $10.9bn.']
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  for (const line of paragraph.split(/\r\n|[\n\r\u2028\u2029]/u)) splitLine(line, out);
  return out;
}

function splitLine(line: string, out: string[]): void {
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(line); m !== null; m = CANDIDATE.exec(line)) {
    const punct = m[1] ?? '';
    const closers = m[2] ?? '';
    const end = m.index + m[0].length;
    const next = nextWord(line, end);
    if (next === '' || !startsUpper(next)) continue;
    let split = true;
    if (punct === '.' && closers === '') {
      const before = line.slice(start, m.index);
      split = periodEnds(lastToken(before), before, next);
    } else if (/^(?:\.\.+|…)$/u.test(punct) && closers === '') {
      // An ellipsis trails off inside a sentence as often as it ends one: "we tried… Paris said no".
      split = isOpener(next);
    }
    if (!split) continue;
    const sentence = line.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
}
