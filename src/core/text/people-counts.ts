/**
 * Counts of people in news copy: how many were killed, injured, arrested or are missing. "At least 19
 * people were killed", "killing 19 civilians", "the death toll rose to 19" all read as "19 dead";
 * "40 others were wounded" as "40 injured". The number is kept as written ("19", "1,200", "three").
 */
import type { Mention } from './numeric-facts.ts';

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

/** "19 people were killed", "40 injured", "three are missing". */
const AFTER = new RegExp(String.raw`(?<!\bno )\b${QUALIFIER}(${NUM}) (?:${WHO} )?${AUX}${OUTCOME}\b`, 'giu');
/** "killing 19 people", "arrested three suspects", "injuring at least 40 others". */
const BEFORE = new RegExp(
  String.raw`\b(killed|killing|kills|injured|injuring|injures|wounded|wounding|arrested|arresting|detained|detaining) ${QUALIFIER}(${NUM}) ${WHO}\b`,
  'giu',
);
/** "1,200 deaths", "19 fatalities". */
const DEATHS = new RegExp(String.raw`\b${QUALIFIER}(${NUM}) (?:${WHO} )?(?:deaths|fatalities)\b`, 'giu');
/** "the death toll rose to 19", "a death toll of 19". */
const TOLL = new RegExp(
  String.raw`\bdeath toll (?:(?:has |had )?(?:rose|risen|rises|climbed|climbs|reached|reaches|jumped|stands at|stood at|is|was|of|to|now) )+${QUALIFIER}(${NUM})\b`,
  'giu',
);

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
    for (const m of part.matchAll(AFTER)) push(out, from + m.index, m[0].length, m[1] ?? '', m[2] ?? '');
    for (const m of part.matchAll(BEFORE)) push(out, from + m.index, m[0].length, m[2] ?? '', m[1] ?? '');
    for (const m of part.matchAll(TOLL)) push(out, from + m.index, m[0].length, m[1] ?? '', 'dead');
    for (const m of part.matchAll(DEATHS)) push(out, from + m.index, m[0].length, m[1] ?? '', 'dead');
  }
  return out;
}
