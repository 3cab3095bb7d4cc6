/** Length-safe text helpers for renderers. Lengths are in UTF-16 code units, as the platforms count them. */

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, ending with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  let cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair (an emoji cut in two renders as garbage).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // Back up to a word boundary unless the cut already falls on one.
  const atBoundary = /\s/.test(text.charAt(cut.length));
  const space = cut.lastIndexOf(' ');
  if (!atBoundary && space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Packs lines into chunks of at most `max` characters (joined by "\n"), splitting an over-long line
 * with `truncate`. Used where a list must be spread over several fields, blocks or messages.
 */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Whole `items` joined by `sep`, as many as fit in `max` characters together with `rest(n)` for the
 * n left out (e.g. " and 3 others"). Items are never cut: each may be a link whose markup must stay whole.
 */
export function joinWithin(
  items: readonly string[],
  sep: string,
  max: number,
  rest: (left: number) => string,
): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const next = out ? `${out}${sep}${items[i]}` : (items[i] as string);
    const left = items.length - i - 1;
    if (next.length + (left ? rest(left).length : 0) > max)
      return `${out}${rest(items.length - i)}`.trimStart();
    out = next;
  }
  return out;
}
