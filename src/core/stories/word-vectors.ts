/**
 * Compact word vectors for telling that two headlines say the same thing in other words ("quits" /
 * "resigns", "jet" / "plane"): data/models/word-vectors.json, built by scripts/build-word-vectors.ts from
 * GloVe (the most frequent plain words, top principal components, int8).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BrieferError } from '../errors.ts';

export const WORD_VECTORS_FORMAT = 'briefer-word-vectors/1';
export const DEFAULT_WORD_VECTORS_URL = new URL('../../../data/models/word-vectors.json', import.meta.url);

export interface WordVectors {
  dims: number;
  /** Row offset of a lower-cased word in `rows`, or undefined when the table does not have it. */
  offsetOf(word: string): number | undefined;
  rows: Int8Array;
}

/** An empty table: similarity by words alone. */
export const NO_WORD_VECTORS: WordVectors = { dims: 0, offsetOf: () => undefined, rows: new Int8Array(0) };

/** Checks and indexes a parsed table; `file` names it in error messages. */
export function parseWordVectors(data: unknown, file = 'word vectors'): WordVectors {
  const fail = (problem: string): never => {
    throw new BrieferError('MODEL_INVALID', `${file}: ${problem}`);
  };
  const t = (data ?? {}) as { format?: unknown; dims?: unknown; words?: unknown; rows?: unknown };
  if (t.format !== WORD_VECTORS_FORMAT)
    fail(`unknown format ${JSON.stringify(t.format)}, expected "${WORD_VECTORS_FORMAT}"`);
  if (typeof t.dims !== 'number' || !Number.isInteger(t.dims) || t.dims < 1)
    fail('dims must be a positive integer');
  if (typeof t.words !== 'string' || typeof t.rows !== 'string') fail('needs words and rows');
  const dims = t.dims as number;
  const words = (t.words as string).split(' ');
  const bytes = Buffer.from(t.rows as string, 'base64');
  if (bytes.byteLength !== words.length * dims)
    fail(`rows must hold ${dims} bytes for each of the ${words.length} words`);
  const index = new Map<string, number>();
  words.forEach((w, i) => {
    if (!index.has(w)) index.set(w, i * dims);
  });
  return {
    dims,
    offsetOf: (word) => index.get(word),
    rows: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

let cached: WordVectors | undefined;

/** The shipped table (read once per process); none when the file is missing. */
export function defaultWordVectors(): WordVectors {
  if (!cached) {
    const file = fileURLToPath(DEFAULT_WORD_VECTORS_URL);
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = undefined;
    }
    cached = text === undefined ? NO_WORD_VECTORS : parseWordVectors(JSON.parse(text), file);
  }
  return cached;
}
