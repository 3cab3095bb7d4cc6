/**
 * The trained half of the categorizer: per-feature weights for a fixed list of category ids,
 * written by `scripts/train-categorizer.ts` to `data/models/categorizer.json`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BrieferError } from './errors.ts';

export const MODEL_FORMAT = 'briefer-categorizer/1';
export const DEFAULT_MODEL_URL = new URL('../../data/models/categorizer.json', import.meta.url);

export interface CategorizerModel {
  format: typeof MODEL_FORMAT;
  /** Category ids the weights refer to, in weight-array order. */
  classes: string[];
  /** Most words in one phrase. */
  maxN: number;
  /** Multi-word features that are matched as units (their words then count only once). */
  phrases: string[];
  /** Words the tokenizer keeps unstemmed (see StemTokenizer). */
  unstemmed: string[];
  /** Place names and demonyms the tokenizer leaves out (see StemTokenizer); absent in older models. */
  places?: string[];
  /** Logits are divided by this before the softmax (calibrates confidence). */
  temperature: number;
  /** Added to the fallback category's logit, so headlines with little evidence land there. */
  fallbackMargin: number;
  /** Feature key (stemmed words joined by a space) → one weight per class. */
  weights: Record<string, number[]>;
  /**
   * Word vectors distilled into per-category evidence (optional): for each listed word, one int8
   * per class. A headline adds the mean row of its listed words, so that a word the weights never
   * saw (a footballer, a band, a company) still counts towards the categories of its neighbours.
   */
  wordVectors?: WordVectorTable;
  /** Where the weights come from, for the record. */
  sources?: unknown;
}

export interface WordVectorTable {
  /** Lower-cased words as written (not stemmed), separated by single spaces. */
  words: string;
  /** Base64 of an Int8Array, row-major: rows[word * classes + class]. */
  rows: string;
  /** One int8 unit in logits. */
  scale: number;
}

/** The words of a word-vector table and its int8 rows (rows[word * classes + class]). */
export function decodeWordVectors(table: WordVectorTable): { words: string[]; rows: Int8Array } {
  const bytes = Buffer.from(table.rows, 'base64');
  return {
    words: table.words ? table.words.split(' ') : [],
    rows: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/** Checks the shape of a parsed model; `file` names it in error messages. */
export function parseCategorizerModel(data: unknown, file = 'model'): CategorizerModel {
  const fail = (problem: string): never => {
    throw new BrieferError('MODEL_INVALID', `${file}: ${problem}`);
  };
  if (!data || typeof data !== 'object') return fail('not a categorizer model');
  const m = data as Partial<CategorizerModel>;
  if (m.format !== MODEL_FORMAT)
    fail(`unknown model format ${JSON.stringify(m.format)}, expected "${MODEL_FORMAT}"`);
  if (!Array.isArray(m.classes) || !m.classes.every((c) => typeof c === 'string'))
    fail('classes must be strings');
  const k = (m.classes as string[]).length;
  for (const key of ['phrases', 'unstemmed'] as const) {
    if (!Array.isArray(m[key]) || !m[key].every((x) => typeof x === 'string')) fail(`${key} must be strings`);
  }
  if (m.places !== undefined && (!Array.isArray(m.places) || !m.places.every((x) => typeof x === 'string')))
    fail('places must be strings');
  for (const key of ['maxN', 'temperature', 'fallbackMargin'] as const) {
    if (typeof m[key] !== 'number' || !Number.isFinite(m[key])) fail(`${key} must be a number`);
  }
  if (!m.weights || typeof m.weights !== 'object') return fail('weights must be an object');
  for (const [feature, w] of Object.entries(m.weights)) {
    if (!Array.isArray(w) || w.length !== k) fail(`weights["${feature}"] must have ${k} numbers`);
  }
  if (m.wordVectors !== undefined) {
    const t = m.wordVectors as Partial<WordVectorTable>;
    if (typeof t.words !== 'string' || typeof t.rows !== 'string') fail('wordVectors needs words and rows');
    if (typeof t.scale !== 'number' || !Number.isFinite(t.scale)) fail('wordVectors.scale must be a number');
    // Counted, not split: decodeWordVectors splits the ~100K words once, later.
    const n = t.words ? countSpaces(t.words as string) + 1 : 0;
    if (Buffer.byteLength(t.rows as string, 'base64') !== n * k)
      fail(`wordVectors.rows must hold ${k} bytes for each of the ${n} words`);
  }
  return m as CategorizerModel;
}

function countSpaces(text: string): number {
  let n = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) n++;
  return n;
}

let committed: CategorizerModel | undefined;

/** The committed model, read once per process: the categorizer and the clustering both use it. */
export function committedCategorizerModel(): CategorizerModel {
  committed ??= loadCategorizerModel();
  return committed;
}

/** Reads a model file (default: the committed `data/models/categorizer.json`). */
export function loadCategorizerModel(path?: string | URL): CategorizerModel {
  const source = path ?? DEFAULT_MODEL_URL;
  const file = source instanceof URL ? fileURLToPath(source) : source;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'file not found (run `npm run train` to build it)'
        : `cannot read the model (${(cause as Error).message})`;
    throw new BrieferError('MODEL_INVALID', `${file}: ${problem}`, { cause });
  }
  return parseCategorizerModel(data, file);
}
