/**
 * Which of the day's items tell the same story. One method for the feed source, the briefing builder and
 * `briefer cluster`:
 *
 * 1. Identity first: items with the same guid or the same canonical link are one story, whatever they say.
 * 2. Each item becomes a TF-IDF vector over its title and (less) its description; a word's weight is how
 *    rare it is among the day's items, names and numbers weigh more. Cosine similarity compares two items.
 * 3. Candidate pairs come from an inverted index over the terms, skipping terms with too many postings
 *    (they are common words, weak evidence): work grows with items × terms × the posting cap, not items².
 * 4. Average-linkage agglomerative clustering over those pairs: two groups merge only when the mean
 *    similarity of all their item pairs clears the threshold, so one bridging headline cannot chain two
 *    stories together. Ties are broken by item order, so the same input always gives the same stories.
 *
 * Headlines that report opposite moves ("Stocks rise…", "Stocks fall…") are pushed apart.
 */

import { runInSlices, runToEnd } from '../slices.ts';
import { type BackgroundRarity, defaultRarity } from './background-rarity.ts';
import { canonicalUrl } from './canonical-url.ts';
import { type Direction, type StoryTerms, storyTerms } from './story-terms.ts';

export interface StoryItem {
  title: string;
  /** The feed item's description, when it has one. */
  summary?: string;
  /** Link to the item; equal canonical links are one story. */
  url?: string;
  /** A guid unique to the item (scope it to its feed before passing it). */
  guid?: string;
  /** Who published it (an outlet's name or domain): words an outlet repeats in every description are its
   * furniture, not the story's. */
  outlet?: string;
}

export interface ClusterOptions {
  /** Mean cosine similarity two groups need to merge. */
  threshold?: number;
  /** Terms with more postings than this do not generate candidate pairs. */
  maxPostings?: number;
  /** Each item keeps its links to at most this many earlier items (the closest). */
  maxNeighbours?: number;
  /** Multiplier for names and numbers. */
  salientBoost?: number;
  /** Similarity is multiplied by this when two headlines report opposite moves. */
  oppositePenalty?: number;
  /** Similarity is multiplied by this when both titles name people or places and share none of them. */
  otherNamesPenalty?: number;
  /** Multiplier for place names and demonyms: a place says where a story happens, not which story it is. */
  placeWeight?: number;
  /** Similarity is multiplied by this when two items share places and no other word. */
  placeOnlyPenalty?: number;
  /** How much a word's rarity in news at large counts next to its rarity in the day (0 = not at all). */
  backgroundWeight?: number;
  /** Rarity of words in news at large (default: the shipped model's vocabulary). */
  rarity?: BackgroundRarity;
}

export const DEFAULT_CLUSTER_OPTIONS: Required<ClusterOptions> = {
  threshold: 0.13,
  maxPostings: 200,
  maxNeighbours: 24,
  salientBoost: 1,
  oppositePenalty: 0,
  otherNamesPenalty: 0.5,
  placeWeight: 0.7,
  placeOnlyPenalty: 0.5,
  backgroundWeight: 1,
  rarity: { of: () => 1 },
};

/**
 * The story of each item, as a number: equal numbers = one story. Stories are numbered 0, 1, 2… in the
 * order of their first item.
 */
export function clusterStories(items: readonly StoryItem[], options: ClusterOptions = {}): number[] {
  return runToEnd(clusterSteps(items, options));
}

/**
 * The same, in slices that give the event loop back every few milliseconds: a refresh of thousands of
 * items runs beside chat commands instead of in front of them.
 */
export function clusterStoriesInSlices(
  items: readonly StoryItem[],
  options: ClusterOptions = {},
  sliceMs = 8,
): Promise<number[]> {
  return runInSlices(clusterSteps(items, options), sliceMs);
}

/** The clustering, as a generator that yields at points where it may pause (see ../slices.ts). */
export function* clusterSteps(
  items: readonly StoryItem[],
  options: ClusterOptions,
): Generator<void, number[]> {
  const o = { ...DEFAULT_CLUSTER_OPTIONS, rarity: options.rarity ?? defaultRarity(), ...options };
  const n = items.length;
  const groups = identityGroups(items);
  yield;
  const vectors = yield* vectorize(items, o);
  const edges = yield* similarPairs(vectors, groups, o);
  const roots = yield* averageLinkage(n, groups, edges, o.threshold);
  // Number stories by first appearance.
  const numbers = new Map<number, number>();
  return Array.from(roots, (r) => {
    let id = numbers.get(r);
    if (id === undefined) {
      id = numbers.size;
      numbers.set(r, id);
    }
    return id;
  });
}

/** Items (or merges) handled between two points where the work may pause. */
const SLICE = 128;

// ---------------------------------------------------------------- identity

/** Item index → index of the first item sharing its guid or canonical link (union-find). */
function identityGroups(items: readonly StoryItem[]): Int32Array {
  const parent = Int32Array.from(items, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const keys: string[] = [];
    if (item.guid) keys.push(`g:${item.guid}`);
    const link = item.url ? canonicalUrl(item.url) : undefined;
    if (link) keys.push(`u:${link}`);
    for (const key of keys) {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const a = find(first);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  return Int32Array.from(items, (_, i) => find(i));
}

// ---------------------------------------------------------------- vectors

interface Vector {
  /** Term ids, ascending. */
  ids: Int32Array;
  /** L2-normalised weights, same order. */
  weights: Float64Array;
  direction: Direction;
  /** Term ids of the names in the title (capitalised words in a sentence-case title), ascending. */
  names: Int32Array;
  /** 1 where the term (same order as `ids`) is a place. */
  places: Uint8Array;
}

function* vectorize(items: readonly StoryItem[], o: Required<ClusterOptions>): Generator<void, Vector[]> {
  const { salientBoost, rarity, backgroundWeight, placeWeight } = o;
  const rarityOf: number[] = [];
  const isNumber: boolean[] = [];
  const isPlace: boolean[] = [];
  const termIds = new Map<string, number>();
  const df: number[] = [];
  // Per item: its distinct term ids, summed weights and salience, in first-seen order.
  const raw: Array<{
    ids: number[];
    w: number[];
    salient: boolean[];
    direction: Direction;
    names: Int32Array;
  }> = [];
  const slotOf = new Map<number, number>();
  const read: StoryTerms[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i % SLICE === SLICE - 1) yield;
    const item = items[i] as StoryItem;
    read.push(storyTerms(item.title, item.summary));
  }
  const furniture = outletFurniture(items, read);
  yield;
  for (let i = 0; i < items.length; i++) {
    if (i % SLICE === SLICE - 1) yield;
    const { terms: all, direction } = read[i] as StoryTerms;
    const outlet = items[i]?.outlet;
    const furnitureOf = outlet === undefined ? undefined : furniture.get(outlet);
    const terms = furnitureOf ? all.filter((t) => t.inTitle || !furnitureOf.has(t.term)) : all;
    const ids: number[] = [];
    const w: number[] = [];
    const salient: boolean[] = [];
    const names: number[] = [];
    slotOf.clear();
    for (const t of terms) {
      let id = termIds.get(t.term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(t.term, id);
        df.push(0);
        const number = /\d/.test(t.term);
        isNumber.push(number);
        isPlace.push(t.place === true);
        // Numbers are not in the vocabulary but are no rarer than words: they count as average. Places
        // are rare words, yet one day's stories share them ("Ukraine", "China"): they count less.
        rarityOf.push((number ? 0.7 : rarity.of(t.word)) * (t.place ? placeWeight : 1));
      }
      const slot = slotOf.get(id);
      if (slot === undefined) {
        slotOf.set(id, ids.length);
        ids.push(id);
        w.push(t.weight);
        salient.push(t.salient);
        df[id] = (df[id] as number) + 1;
      } else {
        w[slot] = (w[slot] as number) + t.weight;
        salient[slot] ||= t.salient;
      }
      if (t.salient && t.weight === 1 && !isNumber[id] && !names.includes(id)) names.push(id);
    }
    raw.push({ ids, w, salient, direction, names: Int32Array.from(names.sort((a, b) => a - b)) });
  }
  yield;
  const n = items.length;
  return raw.map(({ ids: unsorted, w, salient, direction, names }) => {
    const order = Array.from(unsorted, (_, k) => k).sort(
      (a, b) => (unsorted[a] as number) - (unsorted[b] as number),
    );
    const ids = new Int32Array(order.length);
    const weights = new Float64Array(order.length);
    const places = new Uint8Array(order.length);
    let norm = 0;
    order.forEach((slot, k) => {
      const id = unsorted[slot] as number;
      const tw = w[slot] as number;
      ids[k] = id;
      places[k] = isPlace[id] ? 1 : 0;
      // Rarity in the day, damped (one day is a small sample: a word seen once is not 5× the evidence of
      // one seen in a dozen items) and zero for a word every item has, times rarity in news at large.
      const dayIdf = Math.sqrt(Math.max(0, Math.log((n + 1) / ((df[id] as number) + 0.5))));
      const idf = dayIdf * (1 - backgroundWeight + backgroundWeight * (rarityOf[id] as number));
      // Sub-linear tf: a word said twice is not twice the evidence.
      const v = (1 + Math.log(Math.max(tw, 1))) * Math.min(tw, 1) * idf * (salient[slot] ? salientBoost : 1);
      weights[k] = v;
      norm += v * v;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / norm;
    return { ids, weights, direction, names, places };
  });
}

/** Items of one outlet from which its repeated description words are looked for. */
const FURNITURE_MIN_ITEMS = 3;

/**
 * Per outlet, the description words it repeats across most of its items: a newsletter plug, "The post …
 * appeared first on …", a standing sign-off. Left in, they would make every story of that outlet one
 * story. A word counts when at least 3 of the outlet's items, and at least half of them, have it in their
 * descriptions; titles are never touched (a story an outlet covers several times keeps its title words).
 */
function outletFurniture(items: readonly StoryItem[], read: readonly StoryTerms[]): Map<string, Set<string>> {
  const itemsOf = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  items.forEach((item, i) => {
    if (item.outlet === undefined || !item.summary) return;
    itemsOf.set(item.outlet, (itemsOf.get(item.outlet) ?? 0) + 1);
    let c = counts.get(item.outlet);
    if (!c) {
      c = new Map();
      counts.set(item.outlet, c);
    }
    const seen = new Set<string>();
    for (const t of (read[i] as StoryTerms).terms) {
      if (t.inTitle || seen.has(t.term)) continue;
      seen.add(t.term);
      c.set(t.term, (c.get(t.term) ?? 0) + 1);
    }
  });
  const furniture = new Map<string, Set<string>>();
  for (const [outlet, c] of counts) {
    const n = itemsOf.get(outlet) as number;
    if (n < FURNITURE_MIN_ITEMS) continue;
    const words = new Set<string>();
    for (const [term, k] of c) if (k >= FURNITURE_MIN_ITEMS && k * 2 >= n) words.add(term);
    if (words.size) furniture.set(outlet, words);
  }
  return furniture;
}

// ---------------------------------------------------------------- candidate pairs

interface Edges {
  /** Flattened pairs: a[k] < b[k], similarity s[k]. */
  a: number[];
  b: number[];
  s: number[];
}

/**
 * Cosine similarity of every pair of items that share a term with few enough postings, accumulated
 * through the inverted index (each item against earlier items only). Pairs inside an identity group
 * are skipped: they are one story already.
 */
function* similarPairs(
  vectors: readonly Vector[],
  groups: Int32Array,
  o: Required<ClusterOptions>,
): Generator<void, Edges> {
  const postings: Array<{ items: number[]; weights: number[] }> = [];
  const edges: Edges = { a: [], b: [], s: [] };
  const acc = new Float64Array(vectors.length);
  // The part of each pair's similarity that comes from words other than places.
  const what = new Float64Array(vectors.length);
  const touched: number[] = [];
  const found: Array<{ j: number; s: number }> = [];
  // A pair below this can never matter: even merged with perfect partners it stays under the threshold.
  const floor = o.threshold * 0.25;
  for (let i = 0; i < vectors.length; i++) {
    if (i % SLICE === SLICE - 1) yield;
    const v = vectors[i] as Vector;
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number;
      const w = v.weights[k] as number;
      const place = v.places[k] === 1;
      let list = postings[id];
      if (!list) {
        list = { items: [], weights: [] };
        postings[id] = list;
      }
      if (list.items.length < o.maxPostings) {
        for (let p = 0; p < list.items.length; p++) {
          const j = list.items[p] as number;
          if (acc[j] === 0) touched.push(j);
          const product = w * (list.weights[p] as number);
          acc[j] = (acc[j] as number) + product;
          if (!place) what[j] = (what[j] as number) + product;
        }
        list.items.push(i);
        list.weights.push(w);
      }
    }
    for (const j of touched) {
      let s = acc[j] as number;
      acc[j] = 0;
      // Only a place in common: two stories in one country ("Kenya opens rail link" / "Kenya marathon
      // champion retires").
      if (what[j] === 0) s *= o.placeOnlyPenalty;
      what[j] = 0;
      if (groups[i] === groups[j]) continue;
      const other = vectors[j] as Vector;
      if (v.direction !== 0 && other.direction !== 0 && v.direction !== other.direction)
        s *= o.oppositePenalty;
      // Both name who or where, and not one name in common: two shootings in two countries.
      if (v.names.length && other.names.length && !intersects(v.names, other.names)) s *= o.otherNamesPenalty;
      if (s >= floor) found.push({ j, s });
    }
    touched.length = 0;
    // Only the closest earlier items: the graph stays at most items × maxNeighbours edges.
    if (found.length > o.maxNeighbours) found.sort((x, y) => y.s - x.s || x.j - y.j).length = o.maxNeighbours;
    for (const { j, s } of found) {
      edges.a.push(j);
      edges.b.push(i);
      edges.s.push(s);
    }
    found.length = 0;
  }
  return edges;
}

function intersects(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

// ---------------------------------------------------------------- average linkage

/**
 * Merges groups while the best mean similarity between two groups clears `threshold`. Groups start as the
 * identity groups; a missing pair counts as similarity 0. Returns each item's final group root.
 */
function* averageLinkage(
  n: number,
  start: Int32Array,
  edges: Edges,
  threshold: number,
): Generator<void, Int32Array> {
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[start[i] as number] = (size[start[i] as number] as number) + 1;
  // Sum of similarities between two groups, per group: neighbour root → sum.
  const links = new Map<number, Map<number, number>>();
  const link = (x: number, y: number, s: number) => {
    let m = links.get(x);
    if (!m) {
      m = new Map();
      links.set(x, m);
    }
    m.set(y, (m.get(y) ?? 0) + s);
  };
  for (let k = 0; k < edges.s.length; k++) {
    const x = start[edges.a[k] as number] as number;
    const y = start[edges.b[k] as number] as number;
    if (x === y) continue;
    link(x, y, edges.s[k] as number);
    link(y, x, edges.s[k] as number);
  }

  const heap = new MaxHeap();
  const version = new Int32Array(n);
  // Only pairs at or over the threshold enter the heap: one under it is never merged as it stands, and
  // a merge that lifts it pushes a fresh entry.
  for (const [x, m] of links)
    for (const [y, sum] of m) {
      const score = sum / ((size[x] as number) * (size[y] as number));
      if (x < y && score >= threshold) heap.push(score, x, y, 0, 0);
    }

  const merged = Int32Array.from(start);
  const alive = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (start[i] === i) alive[i] = 1;
  let pops = 0;
  for (let top = heap.pop(); top && top.score >= threshold; top = heap.pop()) {
    if (++pops % (SLICE * 8) === 0) yield;
    const { x, y } = top;
    if (!alive[x] || !alive[y] || version[x] !== top.vx || version[y] !== top.vy) continue;
    // Merge y into x (x < y: the group keeps its first item's id).
    alive[y] = 0;
    size[x] = (size[x] as number) + (size[y] as number);
    merged[y] = x;
    version[x] = (version[x] as number) + 1;
    const mx = links.get(x) ?? new Map<number, number>();
    const my = links.get(y) ?? new Map<number, number>();
    links.delete(y);
    mx.delete(y);
    for (const [z, s] of my) if (z !== x) mx.set(z, (mx.get(z) ?? 0) + s);
    links.set(x, mx);
    for (const [z, s] of mx) {
      const mz = links.get(z);
      if (!mz) continue;
      mz.delete(y);
      mz.set(x, s);
      const [a, b] = x < z ? [x, z] : [z, x];
      const score = s / ((size[x] as number) * (size[z] as number));
      if (score >= threshold) heap.push(score, a, b, version[a] as number, version[b] as number);
    }
  }
  // Follow merges to the final root.
  const root = (i: number): number => {
    let r = i;
    while (merged[r] !== r) r = merged[r] as number;
    return r;
  };
  return Int32Array.from({ length: n }, (_, i) => root(start[i] as number));
}

interface HeapEntry {
  score: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Highest score first; equal scores by lower ids first, so the merge order is deterministic. */
class MaxHeap {
  readonly #items: HeapEntry[] = [];

  push(score: number, x: number, y: number, vx: number, vy: number): void {
    const items = this.#items;
    items.push({ score, x, y, vx, vy });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(items[i] as HeapEntry, items[p] as HeapEntry)) break;
      [items[i], items[p]] = [items[p] as HeapEntry, items[i] as HeapEntry];
      i = p;
    }
  }

  pop(): HeapEntry | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < items.length && before(items[l] as HeapEntry, items[best] as HeapEntry)) best = l;
      if (r < items.length && before(items[r] as HeapEntry, items[best] as HeapEntry)) best = r;
      if (best === i) break;
      [items[i], items[best]] = [items[best] as HeapEntry, items[i] as HeapEntry];
      i = best;
    }
    return top;
  }
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a.score !== b.score ? a.score > b.score : a.x !== b.x ? a.x < b.x : a.y < b.y;
}
