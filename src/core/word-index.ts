/**
 * Finds a word's position in a space-separated word list without splitting it: an open-addressing hash
 * table of offsets into the one string. Indexing the categorizer's 100,000 word-vector words this way
 * takes a few milliseconds at start-up, where a Map of 100,000 new strings took ~40 ms and their
 * garbage. Like a Map filled in order, a word listed twice answers with its last position.
 */
export class WordIndex {
  /** How many words the list holds. */
  readonly size: number;
  readonly #text: string;
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  /** Word number + 1 per slot; 0 = empty. */
  readonly #slots: Int32Array;
  readonly #mask: number;

  /** `text`: words separated by single spaces ('' = no words). */
  constructor(text: string) {
    this.#text = text;
    let n = 0;
    if (text) {
      n = 1;
      for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) n++;
    }
    this.size = n;
    this.#starts = new Int32Array(n);
    this.#ends = new Int32Array(n);
    let capacity = 8;
    while (capacity < n * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity);
    this.#mask = capacity - 1;
    let start = 0;
    let hash = FNV_OFFSET;
    let word = 0;
    for (let i = 0; i <= text.length && n > 0; i++) {
      if (i === text.length || text.charCodeAt(i) === SPACE) {
        this.#starts[word] = start;
        this.#ends[word] = i;
        this.#insert(word, hash);
        word++;
        start = i + 1;
        hash = FNV_OFFSET;
      } else hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    }
  }

  /** The word's number in the list (its last, if listed twice), or undefined. */
  get(word: string): number | undefined {
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#slots[slot] as number;
      if (entry === 0) return undefined;
      const n = entry - 1;
      const start = this.#starts[n] as number;
      if ((this.#ends[n] as number) - start === word.length && this.#text.startsWith(word, start)) return n;
    }
  }

  #insert(word: number, hash: number): void {
    const start = this.#starts[word] as number;
    const length = (this.#ends[word] as number) - start;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#slots[slot] as number;
      if (entry === 0 || this.#sameWord(entry - 1, start, length)) {
        this.#slots[slot] = word + 1;
        return;
      }
    }
  }

  #sameWord(n: number, start: number, length: number): boolean {
    const other = this.#starts[n] as number;
    if ((this.#ends[n] as number) - other !== length) return false;
    for (let i = 0; i < length; i++)
      if (this.#text.charCodeAt(other + i) !== this.#text.charCodeAt(start + i)) return false;
    return true;
  }
}

const SPACE = 32;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
