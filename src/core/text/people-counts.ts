/**
 * Counts of people in news copy: how many were killed, injured, arrested or are missing. "At least 19
 * people were killed", "killing 19 civilians", "the death toll rose to 19" all read as "19 dead";
 * "40 others were wounded" as "40 injured". The number is kept as written ("19", "1,200", "three").
 */
import type { Mention } from './mention.ts';

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|' +
  'dozens|hundreds|thousands|a dozen';
/** 19, 1,200, 2.5 million, three, twenty-one. */
const NUM = String.raw`(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?: (?:million|thousand))?|(?:${NUMBER_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;
const QUALIFIER = `(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|a further|another) )?`;
/** Who was counted: "people", "other civilians", "police officers". */
const WHO = `(?:(?:more|other|[a-z]+) )?(?:people|persons|civilians|children|soldiers|others|men|women|residents|passengers|migrants|protesters|protestors|workers|officers|police officers|troops|students|fighters|militants|suspects|pupils|miners|tourists|patients|victims|family members|villagers|staff|crew members|members)`;
const AUX = `(?:(?:were|was|are|is|have been|had been|has been|have|had|being|remain|remained|remains|left|still|now|also|all|reportedly|reported|feared|believed|confirmed|later) )*`;
const OUTCOME = `(killed|dead|died|injured|wounded|hurt|arrested|detained|missing)`;

// Each pattern is tried only where a number starts (sticky), or ends where one starts: a scan of every
// position with patterns this size costs more than all other key facts together on a long article.
/** A number in the text: where a count may start. */
const NUMBER = new RegExp(String.raw`\b${NUM}\b`, 'giu');
/** The number at a given place. */
const NUMBER_HERE = new RegExp(String.raw`${NUM}\b`, 'iuy');
/** "19 people were killed", "40 injured", "three are missing" (from the number on). */
const AFTER = new RegExp(`(${NUM}) (?:${WHO} )?${AUX}${OUTCOME}\\b`, 'iuy');
/** "1,200 deaths", "19 fatalities". */
const DEATHS = new RegExp(`(${NUM}) (?:${WHO} )?(?:deaths|fatalities)\\b`, 'iuy');
/** "19 people", "40 others": the people after "killing" / "arrested". */
const PEOPLE = new RegExp(`(${NUM}) ${WHO}\\b`, 'iuy');
/** "killing ", "arrested at least " right before the number. */
const VERB_BEFORE = new RegExp(
  `\\b(killed|killing|kills|injured|injuring|injures|wounded|wounding|arrested|arresting|detained|detaining) ${QUALIFIER}$`,
  'iu',
);
/** "the death toll rose to " right before the number. */
const TOLL_BEFORE = new RegExp(
  `\\bdeath toll (?:(?:has |had )?(?:rose|risen|rises|climbed|climbs|reached|reaches|jumped|stands at|stood at|is|was|of|to|now) )+${QUALIFIER}$`,
  'iu',
);
/** "no one was killed" is nobody. */
const NO_BEFORE = /\bno $/iu;

const KIND: Record<string, string> = {
  killed: 'dead',
  dead: 'dead',
  died: 'dead',
  killing: 'dead',
  kills: 'dead',
  injured: 'injured',
  wounded: 'injured',
  hurt: 'injured',
  injuring: 'injured',
  injures: 'injured',
  wounding: 'injured',
  arrested: 'arrested',
  detained: 'arrested',
  arresting: 'arrested',
  detaining: 'arrested',
  missing: 'missing',
};

/** A year ("in 2019 killed…") or an age is not a count of people. */
const YEAR = /^(?:1[89]|20)\d\d$/;

function push(out: Mention[], at: number, length: number, number: string, outcome: string): void {
  const kind = KIND[outcome.toLowerCase()];
  if (!kind || YEAR.test(number)) return;
  out.push({ type: 'count', text: `${number.toLowerCase()} ${kind}`, at, length });
}

/** The words every count phrase contains; the patterns only run near them. */
const CUE =
  /\b(?:kill(?:ed|ing|s)|dead|died|death|deaths|fatalities|injur(?:ed|ing|es)|wound(?:ed|ing)|hurt|arrest(?:ed|ing)|detain(?:ed|ing)|missing)\b/giu;
/** No count phrase is longer than this on either side of its cue word. */
const REACH = 160;

/** Counts of people killed, injured, arrested or missing, with where each phrase starts and its length. */
export function peopleCounts(text: string): Mention[] {
  const out: Mention[] = [];
  // Windows around the cue words, overlapping ones merged: long articles have few such words.
  const windows: Array<[number, number]> = [];
  for (const m of text.matchAll(CUE)) {
    const from = Math.max(0, m.index - REACH);
    const to = Math.min(text.length, m.index + m[0].length + REACH);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  for (const [from, to] of windows) {
    const part = text.slice(from, to);
    for (const n of part.matchAll(NUMBER)) countAt(part, n.index, from, out);
  }
  return out;
}

/** The count, if any, that the number at `i` of `part` belongs to. */
function countAt(part: string, i: number, offset: number, out: Mention[]): void {
  const before = part.slice(Math.max(0, i - 80), i);
  AFTER.lastIndex = i;
  const after = AFTER.exec(part);
  if (after && !NO_BEFORE.test(before)) {
    push(out, offset + i, after[0].length, after[1] ?? '', after[2] ?? '');
    return;
  }
  DEATHS.lastIndex = i;
  const deaths = DEATHS.exec(part);
  if (deaths) {
    push(out, offset + i, deaths[0].length, deaths[1] ?? '', 'dead');
    return;
  }
  const verb = VERB_BEFORE.exec(before);
  if (verb) {
    PEOPLE.lastIndex = i;
    const people = PEOPLE.exec(part);
    const start = i - (before.length - verb.index);
    if (people) push(out, offset + start, i - start + people[0].length, people[1] ?? '', verb[1] ?? '');
    return;
  }
  const toll = TOLL_BEFORE.exec(before);
  if (toll) {
    const start = i - (before.length - toll.index);
    NUMBER_HERE.lastIndex = i;
    const number = NUMBER_HERE.exec(part);
    if (number) push(out, offset + start, i - start + number[0].length, number[0], 'dead');
  }
}
