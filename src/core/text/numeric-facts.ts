/**
 * Amounts, percentages, dates and times in news copy, found with patterns: "$550 billion", "£1.2bn",
 * "10 million yen", "3.5 per cent", "Jan. 5, 2026", "1 May 2014", "Monday", "10 p.m. Japan Standard
 * Time", "14:00 GMT"; and counts of people ("19 dead", `people-counts.ts`).
 */
import { type Mention, spanOf } from './mention.ts';
import { peopleCounts } from './people-counts.ts';

const SCALE = String.raw`(?:trillion|billion|million|thousand|bn|tn|mn|m|k)\b`;
const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const CURRENCY_WORD = String.raw`(?:US |Australian |Canadian |Hong Kong |Singapore |New Zealand )?(?:dollars?|euros?|pounds?(?: sterling)?|yen|yuan|renminbi|rupees?|francs?|pesos?|won|roubles?|rubles?|rand|lira|baht|ringgit|rupiah|dirhams?|riyals?|shekels?|krona|kronor|krone|zloty|bitcoins?)\b`;

const MONEY = new RegExp(
  [
    // $550 billion, US$5m, £1.2bn, €300m, ¥10,000, HK$3 billion
    String.raw`(?<![\w$])(?:US|A|C|HK|NZ|S|NT|R)?[$£€¥₹₩]\s?${NUMBER}(?:\s?${SCALE})?`,
    // 10 million yen, 1.45bn euros, 500 dollars
    String.raw`\b${NUMBER}\s?(?:${SCALE}\s?)?${CURRENCY_WORD}`,
  ].join('|'),
  'giu',
);

const PERCENT = new RegExp(
  String.raw`(?<![\w.])${NUMBER}(?:\s?%|\s(?:per ?cent|percent|percentage points?)\b)`,
  'giu',
);

const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]|20)\d{2}`;
const WEEKDAY = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;

const DATE = new RegExp(
  [
    // Monday, Dec. 23, 2025 / December 23 / Jan. 5, 2026
    String.raw`\b(?:${WEEKDAY},?\s)?${MONTH}\s${DAY}\b(?:,?\s${YEAR}\b)?`,
    // 23 December 2025 / 1 May / 2nd of February
    String.raw`\b(?:${WEEKDAY},?\s)?${DAY}\s(?:of\s)?${MONTH}\b(?:,?\s${YEAR}\b)?`,
    // December 2025
    String.raw`\b${MONTH}\s${YEAR}\b`,
    String.raw`\b${WEEKDAY}\b`,
    // in January, since March (a bare month needs a preposition: "May" is also a verb and a name)
    String.raw`(?<=\b(?:in|on|since|until|by|from|through|during|early|late|mid-|last|next|this)\s)${MONTH}\b`,
    // in 2024, since 1998, the 1990s
    String.raw`(?<=\b(?:in|since|until|by|from|through|during|of|before|after|between|and|early|late|mid-|year|season|fiscal)\s)${YEAR}s?\b`,
  ].join('|'),
  'gu',
);

const ZONE = String.raw`(?:GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|JST|KST|IST|AEST|AEDT|HKT|SGT|WIB)\b`;
const NAMED_ZONE = String.raw`(?:[A-Z][a-z]+\s){1,3}(?:(?:Standard|Daylight|Summer)\s)?Time\b`;
const TIME = new RegExp(
  [
    // 10 p.m. Japan Standard Time, 9:30am ET, 11 a.m.
    String.raw`\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s(?:${ZONE}|${NAMED_ZONE}))?`,
    // 14:00 GMT, 09:30
    String.raw`\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?:\s?(?:${ZONE}|${NAMED_ZONE}|hours\b))?`,
  ].join('|'),
  'gu',
);

function collect(text: string, re: RegExp, type: Mention['type'], out: Mention[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // "$10.9bn." keeps its full stop out; "p.m." keeps its own dot.
    const found = m[0].replace(/(?<!\b[ap]\.m)[.,;:]+$/u, '').trim();
    if (found) out.push({ type, text: found, at: m.index });
  }
}

/**
 * Money, percent, date, time and people-count mentions in `text`, in order of appearance; overlaps
 * resolved longest-first.
 */
export function numericMentions(text: string): Mention[] {
  const found: Mention[] = peopleCounts(text);
  collect(text, MONEY, 'money', found);
  collect(text, PERCENT, 'percent', found);
  collect(text, TIME, 'time', found);
  collect(text, DATE, 'date', found);
  // A span already claimed (the "23" of "December 23", the "2" of "2:30") is not also another fact.
  found.sort((a, b) => a.at - b.at || spanOf(b) - spanOf(a));
  const kept: Mention[] = [];
  let end = -1;
  for (const m of found) {
    if (m.at < end) continue;
    kept.push(m);
    end = m.at + spanOf(m);
  }
  return kept;
}
