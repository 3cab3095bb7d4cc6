/**
 * Untrusted text (headlines, article paragraphs) arrives with HTML tags, entities, control characters and
 * invisible Unicode. This turns it into one clean line of plain text; escaping for a platform's markup
 * happens later, in the renderers.
 */
import { decodeHTML } from 'entities';

const TAG = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/g;
// Inline tags sit inside words ("<em>x</em>'s"); removing them must not add a space. Others separate.
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^<>]*>/gi;
// C0/C1 controls, bidi overrides and zero-width characters: invisible, and abusable to disguise text.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function cleanInline(text: string): string {
  let out = text;
  // Decode before stripping tags too: feeds often double-encode markup (`&lt;b&gt;`).
  if (out.includes('&')) out = decodeHTML(out);
  if (out.includes('<')) out = out.replace(INLINE_TAG, '').replace(TAG, ' ');
  if (out.includes('&')) out = decodeHTML(out);
  return out.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
