/** Word-level text helpers shared by the summarizer, the categorizer and headline de-duplication. */
import { stemmer } from 'stemmer';

// Anything beyond printable ASCII, tab and line breaks.
const NOT_PLAIN = /[^\t\n\r -~]/;

/** Folds typographic variants (curly quotes, dashes, non-breaking spaces, full-width forms) to plain ones. */
export function normalizeText(text: string): string {
  // Plain ASCII has nothing to fold (NFKC and the replacements below touch only non-ASCII characters).
  if (!NOT_PLAIN.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased word tokens, possessive "'s" dropped. "U.S. firms' $5bn" → ["u", "s", "firms", "5bn"]. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of normalizeText(text).toLowerCase().matchAll(WORD)) {
    out.push(m[0].replace(/'s$/, ''));
  }
  return out;
}

/** Porter stem of a lower-cased word; short words are kept as they are. */
export function stem(word: string): string {
  return word.length > 3 ? stemmer(word) : word;
}

/** Stemmed word tokens. */
export function stems(text: string): string[] {
  return words(text).map(stem);
}
