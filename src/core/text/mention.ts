/** What the key-fact scanners find in a story's text. */

/** A fact found in the text: its type, its text as written, and where it starts. */
export interface Mention {
  type: 'money' | 'percent' | 'date' | 'time' | 'count' | 'person' | 'organization' | 'place';
  text: string;
  /** Character offset in the scanned text. */
  at: number;
  /** Characters it covers in the text, when `text` is not written as found ("19 dead"). */
  length?: number;
}

/** Characters a mention covers in the scanned text. */
export function spanOf(m: Mention): number {
  return m.length ?? m.text.length;
}
