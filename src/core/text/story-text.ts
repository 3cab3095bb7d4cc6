/** Turns plain article text (stdin, a pasted article) into a Story. */

import { stripDateline } from '../dateline.ts';
import type { Story } from '../schemas.ts';

// Control characters other than whitespace are never content (NUL bytes from bad decoding, form feeds).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** Whitespace that `\s+ → ' '` would change: a double space or any space other than U+0020. */
const ODD_SPACE = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]| {2}/;

function clean(text: string): string {
  const visible = HAS_CONTROL.test(text) ? text.replace(CONTROL, '') : text;
  // Most lines need no collapsing; testing first spares a copy of every paragraph.
  return (ODD_SPACE.test(visible) ? visible.replace(/\s+/g, ' ') : visible).trim();
}

/**
 * A story from plain text: every line break (single or blank line) ends a paragraph, whitespace inside
 * a paragraph is collapsed, empty paragraphs are dropped and a wire dateline is removed, as `StorySchema` does. Text with nothing
 * visible gives a story with no paragraphs, which summarizes to nothing.
 *
 * @example storyFromText('First para.\n\nSecond para.', 'Title').paragraphs // → ['First para.', 'Second para.']
 */
export function storyFromText(text: string, title?: string): Story {
  const paragraphs = text
    .split(/\r\n|[\n\r\u2028\u2029]/u)
    .map(clean)
    .filter((p) => p.length > 0);
  if (paragraphs[0] !== undefined) paragraphs[0] = stripDateline(paragraphs[0]);
  const heading = title === undefined ? '' : clean(title);
  return heading ? { title: heading, paragraphs } : { paragraphs };
}
