/**
 * Puts a headline into one category of the taxonomy.
 *
 * Each category's evidence (a logit) is the sum of the weights of the headline's features: weights
 * learned by `scripts/train-categorizer.ts` (the model) plus the keyword weights in the taxonomy
 * file. A softmax turns the logits into scores. Everything is looked up in tables built at
 * construction, so a headline costs a tokenization and a few map look-ups.
 *
 * A category the model does not know (added by a user) starts level with the others and competes
 * on its keywords alone; a headline with no evidence at all goes to `other`.
 */

import { PhraseMatcher, phraseKey, StemTokenizer } from './categorizer-features.ts';
import { type CategorizerModel, committedCategorizerModel, decodeWordVectors } from './categorizer-model.ts';
import { isUnsure } from './category-confidence.ts';
import { FALLBACK_CATEGORY, loadTaxonomy, type Taxonomy } from './taxonomy.ts';

export type { CategorizerModel } from './categorizer-model.ts';

export interface Categorization {
  category: string;
  /** The chosen category's score. */
  confidence: number;
  /** Every category id → score in [0, 1]; the scores sum to 1 and the keys are ordered highest first. */
  scores: Record<string, number>;
}

export interface Categorizer {
  categorize(headline: string): Categorization;
}

export interface CategorizerOptions {
  /** Trained weights; omitted = the committed model, `null` = taxonomy keywords only. */
  model?: CategorizerModel | null;
}

/**
 * Taxonomy keyword weights are multiplied by this, so that the file's scale reads naturally next to
 * the model's: one strong model word is worth about 4, a keyword of 3 ("strong") 6, of 5 (nearly
 * decides) 10. A user's keywords therefore win over what the model learned about the same words.
 */
const KEYWORD_SCALE = 2;

// Used when there is no model to take them from.
const DEFAULT_TEMPERATURE = 1;
const DEFAULT_FALLBACK_MARGIN = 0.5;

type Table = Map<string, Float64Array>;

function addTo(table: Table, key: string, k: number, i: number, w: number): void {
  let row = table.get(key);
  if (!row) {
    row = new Float64Array(k);
    table.set(key, row);
  }
  row[i] = (row[i] ?? 0) + w;
}

export function createCategorizer(taxonomy: Taxonomy, options: CategorizerOptions = {}): Categorizer {
  const ids = taxonomy.categories.map((c) => c.id);
  const k = ids.length;
  const model = options.model === undefined ? committedCategorizerModel() : options.model;
  const tokenizer = new StemTokenizer(model?.unstemmed ?? [], model?.places ?? []);

  // Model weights, re-indexed to taxonomy order; classes the taxonomy lacks are dropped.
  const weights: Table = new Map();
  const phrases = new PhraseMatcher(model?.phrases ?? []);
  if (model) {
    const slot = model.classes.map((c) => ids.indexOf(c));
    for (const [key, ws] of Object.entries(model.weights)) {
      ws.forEach((w, j) => {
        const i = slot[j] ?? -1;
        if (i >= 0 && w !== 0) addTo(weights, key, k, i, w);
      });
    }
  }

  // Word-vector evidence, re-indexed the same way: word → offset of its row in `vectorRows`.
  // The rows stay int8 (scaled when added): ~100K words × 15 classes as doubles would be 12 MB to
  // allocate at start-up.
  const vectorIndex = new Map<string, number>();
  let vectorRows: Int8Array<ArrayBufferLike> = new Int8Array(0);
  let vectorScale = 0;
  if (model?.wordVectors) {
    const { words, rows } = decodeWordVectors(model.wordVectors);
    const mk = model.classes.length;
    vectorScale = model.wordVectors.scale;
    const slot = model.classes.map((c) => ids.indexOf(c));
    if (mk === k && slot.every((i, j) => i === j)) vectorRows = rows;
    else {
      vectorRows = new Int8Array(words.length * k);
      for (let j = 0; j < mk; j++) {
        const i = slot[j] ?? -1;
        if (i < 0) continue;
        for (let n = 0, from = j, to = i; n < words.length; n++, from += mk, to += k)
          vectorRows[to] = rows[from] as number;
      }
    }
    for (let n = 0; n < words.length; n++) vectorIndex.set(words[n] as string, n * k);
  }

  // Taxonomy keywords, matched on every n-gram so that they never hide model features.
  const keywords: Table = new Map();
  let keywordN = 1;
  taxonomy.categories.forEach((c, i) => {
    for (const [phrase, weight] of Object.entries(c.keywords)) {
      const key = phraseKey(phrase, tokenizer);
      if (!key) continue;
      keywordN = Math.max(keywordN, key.split(' ').length);
      addTo(keywords, key, k, i, weight * KEYWORD_SCALE);
    }
  });

  const temperature = model?.temperature ?? DEFAULT_TEMPERATURE;
  const fallback = ids.indexOf(FALLBACK_CATEGORY);
  const margin = model?.fallbackMargin ?? DEFAULT_FALLBACK_MARGIN;
  const logits = new Float64Array(k);
  const add = (row: Float64Array | undefined) => {
    if (row) for (let i = 0; i < k; i++) logits[i] = (logits[i] as number) + (row[i] as number);
  };
  // Every n-gram up to the longest keyword; a keyword counts once however often it occurs.
  const addKeywords = (tokens: readonly string[]) => {
    let seen: Set<string> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      let key = tokens[i] as string;
      for (let n = 1; n <= keywordN && i + n <= tokens.length; n++) {
        if (n > 1) key = `${key} ${tokens[i + n - 1]}`;
        const row = keywords.get(key);
        if (!row || seen?.has(key)) continue;
        seen ??= new Set();
        seen.add(key);
        add(row);
      }
    }
  };

  const raw: string[] = [];
  // The rows of the headline's words that have one (each occurrence counts).
  const addVectors = () => {
    for (const w of raw) {
      const at = vectorIndex.get(w);
      if (at === undefined) continue;
      for (let i = 0; i < k; i++)
        logits[i] = (logits[i] as number) + (vectorRows[at + i] as number) * vectorScale;
    }
  };

  return {
    categorize(headline: string): Categorization {
      raw.length = 0;
      const tokens = tokenizer.tokens(headline, vectorIndex.size > 0 ? raw : undefined);
      logits.fill(0);
      if (fallback >= 0) logits[fallback] = margin;
      if (vectorIndex.size > 0) addVectors();
      if (weights.size > 0) for (const f of phrases.features(tokens)) add(weights.get(f));
      if (keywords.size > 0) addKeywords(tokens);

      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < k; i++) max = Math.max(max, logits[i] as number);
      let z = 0;
      for (let i = 0; i < k; i++) {
        const e = Math.exp(((logits[i] as number) - max) / temperature);
        logits[i] = e;
        z += e;
      }
      // The first highest score wins, so ties keep taxonomy order and the output is deterministic.
      let best = 0;
      for (let i = 1; i < k; i++) if ((logits[i] as number) > (logits[best] as number)) best = i;
      const probabilities = new Array<number>(k);
      for (let i = 0; i < k; i++) probabilities[i] = (logits[i] as number) / z;
      // Unsure is "other" (a calibrated threshold, see category-confidence.ts).
      if (fallback >= 0 && isUnsure((probabilities[best] as number) ?? 0)) best = fallback;
      return new ScoredCategorization(ids, probabilities, best);
    },
  };
}

/**
 * A categorization whose `scores` record is built only when read: most callers need just the
 * category and confidence, and a fifteen-key record per headline was most of the categorizer's cost.
 */
class ScoredCategorization implements Categorization {
  readonly category: string;
  readonly confidence: number;
  readonly #ids: readonly string[];
  readonly #probabilities: readonly number[];
  #scores: Record<string, number> | undefined;

  constructor(ids: readonly string[], probabilities: readonly number[], best: number) {
    this.#ids = ids;
    this.#probabilities = probabilities;
    this.category = ids[best] as string;
    this.confidence = probabilities[best] as number;
  }

  /** Every category id → score, highest first; ties keep taxonomy order. */
  get scores(): Record<string, number> {
    if (!this.#scores) {
      const p = this.#probabilities;
      // Array#sort is stable: equal scores stay in taxonomy order.
      const order = p.map((_, i) => i).sort((a, b) => (p[b] as number) - (p[a] as number));
      this.#scores = {};
      for (const i of order) this.#scores[this.#ids[i] as string] = p[i] as number;
    }
    return this.#scores;
  }

  /** JSON gets the three fields of a plain categorization (a getter is not an own property). */
  toJSON(): Categorization {
    return { category: this.category, confidence: this.confidence, scores: this.scores };
  }
}

/** The bundled taxonomy (`data/categories.json`) with the committed model. */
export function loadDefaultCategorizer(): Categorizer {
  return createCategorizer(loadTaxonomy(), { model: committedCategorizerModel() });
}
