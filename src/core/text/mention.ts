/** One fact the fact finders (numbers, counts of people, names) found in a text: its type, its text as written, and where it starts. */
export interface Mention {
  type: 'money' | 'percent' | 'date' | 'time' | 'count' | 'person' | 'organization' | 'place';
  text: string;
  /** Character offset in the scanned text. */
  at: number;
  /** Characters it covers in the text, when `text` is not written as found ("19 dead"). */
  length?: number;
}
