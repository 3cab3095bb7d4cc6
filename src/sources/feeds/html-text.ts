/**
 * HTML (an article body, a feed description) → paragraphs of plain text in reading order. Block elements
 * become paragraphs; a description that is only text with `<br>`s is split at the breaks.
 */
import type * as Linkedom from 'linkedom';
import { cleanInline } from '../../core/clean-text.ts';
import { lazyRequire } from './lazy-require.ts';

const linkedom = lazyRequire<typeof Linkedom>('linkedom');

const BLOCKS = 'p, li, blockquote, pre, dd, h2, h3, h4';

export function htmlToParagraphs(html: string): string[] {
  if (!/<[a-z!/]/i.test(html)) return splitPlain(html);
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll(
    'script, style, noscript, template, iframe, svg, figure, aside, nav',
  ))
    el.remove();
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  if (blocks.length === 0) {
    for (const br of document.querySelectorAll('br')) br.replaceWith('\n');
    return splitPlain(document.body?.textContent ?? '');
  }
  const out: string[] = [];
  for (const el of blocks) {
    const text = cleanInline(el.textContent ?? '');
    // Subheadings and list fragments are kept only when they read as sentences.
    if (/^h\d$/i.test(el.tagName) && !/[.!?]["”’)]?$/.test(text)) continue;
    if (text) out.push(text);
  }
  return out;
}

function splitPlain(text: string): string[] {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n|\n/)
    .map(cleanInline)
    .filter((p) => p.length > 0);
}
