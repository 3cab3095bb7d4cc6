/**
 * A lead summary from every outlet that carried a story.
 *
 * With the article, the article is primary: its summary is the single-article summarizer's, cited to the
 * article's outlet, and the other outlets' descriptions may add one sentence the article lacks (central
 * among the descriptions, on the story's topic, and unlike every sentence of the article).
 *
 * Without it (paywall, error, no network), the descriptions of all items are pooled into one
 * multi-document extractive summary: sentences are ranked by TextRank centrality over a graph whose edges
 * link sentences of *different* outlets only, so a sentence is central when other outlets say the same
 * thing, plus a small bonus for a description's opening sentence. Sentences are then chosen MMR-style:
 * each next pick trades centrality against its similarity to those already chosen, and a near-repeat is
 * skipped. Page furniture (bylines, timestamps, captions, "Read more", newsletter lines) and truncated
 * teasers ("…") are never chosen. Similarity is the cosine of stemmed content words, so "cuts"/"cut" match.
 */
import { cleanInline } from './clean-text.ts';
import type { Story, SummarySentence } from './schemas.ts';
import { summarize } from './summarizer.ts';
import { isBoilerplate } from './text/boilerplate.ts';
import { cosineMatrix, pageRank, type TermBag } from './text/centrality.ts';
import { splitSentences } from './text/sentences.ts';
import { STOPWORDS } from './text/stopwords.ts';
import { stem, words } from './text/tokens.ts';

/** One outlet's description of the story (a feed item's summary). */
export interface OutletDescription {
  /** Outlet name the sentence is cited to ("BBC"). */
  outlet: string;
  url?: string;
  text: string;
}

export interface StorySummaryInput {
  /** The fetched article, when there is one: it is primary. */
  article?: Story;
  /** Descriptions of every item in the story, from every outlet. */
  descriptions: OutletDescription[];
}

export interface StorySummaryOptions {
  sentences: number;
}

/** A sentence needs this many words to be a summary candidate. */
const MIN_WORDS = 5;
/** Weight of a description's opening sentence (its lede) next to centrality, which is scaled to 0…1. */
const LEAD_BONUS = 0.5;
/** MMR trade-off: share of a pick's score that is centrality (the rest penalises similarity). */
const LAMBDA = 0.7;
/**
 * Cosine above which a sentence may repeat one already chosen. Lower than within one article (0.5):
 * outlets retell a fact in their own words ("cut by half a point" / "lowered by 50 basis points"), so a
 * retelling shares fewer words than a repeat inside one text does.
 */
const REDUNDANT = 0.35;
/**
 * Share of a sentence's words that must be new (not in the sentences already chosen, or not in the
 * article) for it to add something: a close sentence that is mostly new facts is no repeat.
 */
const FRESH = 0.6;
/** Content words a description sentence must share with the article to be about the same story. */
const ON_TOPIC = 2;
/** Only the best-ranked description sentences are offered to the article. */
const OFFERED = 3;
/** Sentences read from one description: a feed that sends a whole article as its description is still one voice. */
const MAX_PER_DESCRIPTION = 12;
/** Characters read from one description. */
const MAX_DESCRIPTION_CHARS = 5_000;
/** Sentences ranked in all: centrality is quadratic in them. */
const MAX_POOLED = 300;
/** Article sentences compared for novelty: the summarizer ranks no more than this many either. */
const MAX_ARTICLE_SENTENCES = 400;

interface Pooled {
  text: string;
  outlet: string;
  /** Description number in the input. */
  paragraph: number;
  /** Sentence number inside that description. */
  sentence: number;
  /** Sentence number across all descriptions, in input order. */
  index: number;
  /** Story sentences (not furniture) before it in its description: 0 is the lede. */
  position: number;
  bag: TermBag;
  candidate: boolean;
}

/**
 * The lead summary of a story told by several outlets: at most `options.sentences` sentences (one more
 * when the article is there and another outlet adds something it lacks). Every sentence carries the
 * outlet it is cited to in `source` (the article's own sentences carry `article.source` when known).
 * Article sentences keep the article's positions; a description sentence's `paragraph` is the number of
 * its description, `sentence` its place inside it and `index` its place in the pooled descriptions.
 * Deterministic.
 *
 * @example summarizeStory({ descriptions: [{ outlet: 'BBC', text: '…' }, { outlet: 'NPR', text: '…' }] }, { sentences: 2 })
 */
export function summarizeStory(input: StorySummaryInput, options: StorySummaryOptions): SummarySentence[] {
  const wanted = Math.max(0, Math.floor(options.sentences));
  if (wanted === 0) return [];
  const { article } = input;
  const vocabulary = new Map<string, number>();
  if (article) {
    const primary = summarize(article, { sentences: wanted });
    if (primary.length > 0) {
      const cited = primary.map((s) => (article.source ? { ...s, source: article.source } : s));
      const others = input.descriptions.filter((d) => !sameOutlet(d, article));
      const pooled = pool(others, vocabulary);
      const extra = addition(article, pooled, rank(pooled), vocabulary);
      return extra ? [...cited, toSummary(extra)] : cited;
    }
  }
  const pooled = pool(input.descriptions, vocabulary);
  return choose(pooled, rank(pooled), wanted).map(toSummary);
}

function toSummary(s: Pooled): SummarySentence {
  return { text: s.text, paragraph: s.paragraph, sentence: s.sentence, index: s.index, source: s.outlet };
}

/** The article's own teaser is no second opinion on it. */
function sameOutlet(d: OutletDescription, article: Story): boolean {
  if (d.url && article.url && d.url === article.url) return true;
  return Boolean(article.source) && d.outlet.trim().toLowerCase() === article.source?.trim().toLowerCase();
}

/** Stemmed content words of a sentence as a bag over the shared vocabulary. */
function bagOf(text: string, vocabulary: Map<string, number>): TermBag {
  const counts = new Map<number, number>();
  for (const word of words(text)) {
    if (STOPWORDS.has(word)) continue;
    const term = stem(word);
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(term, id);
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { ids: Int32Array.from(counts.keys()), counts: Float64Array.from(counts.values()) };
}

/** "…", "...", "[…]" at the end: a teaser cut off mid-thought. */
const TRUNCATED = /(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$/u;

/** Every sentence of every description, in input order; verbatim repeats (syndicated copy) once. */
function pool(descriptions: readonly OutletDescription[], vocabulary: Map<string, number>): Pooled[] {
  const out: Pooled[] = [];
  const seen = new Set<string>();
  descriptions.forEach((d, paragraph) => {
    const text = cleanInline(d.text);
    if (!text || isBoilerplate(text)) return;
    let position = 0;
    splitSentences(text.slice(0, MAX_DESCRIPTION_CHARS))
      .slice(0, MAX_PER_DESCRIPTION)
      .forEach((sentence, i) => {
        if (out.length >= MAX_POOLED) return;
        const furniture = isBoilerplate(sentence);
        const key = sentence.toLowerCase();
        const fresh = !seen.has(key);
        seen.add(key);
        out.push({
          text: sentence,
          outlet: d.outlet,
          paragraph,
          sentence: i,
          index: out.length,
          position,
          // Furniture gets no words: it must not make two outlets' sentences look alike either.
          bag: furniture
            ? { ids: new Int32Array(0), counts: new Float64Array(0) }
            : bagOf(sentence, vocabulary),
          candidate: fresh && !furniture && words(sentence).length >= MIN_WORDS && !TRUNCATED.test(sentence),
        });
        if (!furniture) position++;
      });
  });
  return out;
}

interface Ranked {
  order: number[];
  score: Float64Array;
  similarity: Float64Array[];
}

/** Centrality over cross-outlet edges plus the lede bonus; candidates best first. */
function rank(pooled: Pooled[]): Ranked {
  const similarity = cosineMatrix(
    pooled.map((s) => s.bag),
    vocabularySize(pooled),
  );
  // Agreement within one outlet's own description is no evidence; only other outlets vote.
  const crossOutlet = similarity.map((row, a) =>
    row.map((w, b) => (pooled[a]?.outlet === pooled[b]?.outlet ? 0 : w)),
  );
  const centrality = pageRank(crossOutlet);
  let top = 0;
  for (const c of centrality) top = Math.max(top, c);
  const score = Float64Array.from(
    pooled,
    (s, i) => (top > 0 ? (centrality[i] ?? 0) / top : 0) + LEAD_BONUS * 0.5 ** s.position,
  );
  const order = pooled
    .map((_, i) => i)
    .filter((i) => pooled[i]?.candidate)
    .sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
  return { order, score, similarity };
}

function vocabularySize(pooled: Pooled[]): number {
  let max = -1;
  for (const s of pooled) for (const id of s.bag.ids) max = Math.max(max, id);
  return max + 1;
}

/** MMR: each pick maximises λ·score − (1−λ)·(closest chosen); near-repeats are never picked. */
function choose(pooled: Pooled[], ranked: Ranked, wanted: number): Pooled[] {
  const { order, score, similarity } = ranked;
  const picked: number[] = [];
  const said = new Set<number>();
  const closest = (i: number) => picked.reduce((m, j) => Math.max(m, similarity[i]?.[j] ?? 0), 0);
  while (picked.length < wanted) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const i of order) {
      if (picked.includes(i)) continue;
      const near = closest(i);
      const bag = pooled[i]?.bag;
      if (near > REDUNDANT && (!bag || freshShare(bag, said) < FRESH)) continue;
      const value = LAMBDA * (score[i] ?? 0) - (1 - LAMBDA) * near;
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    if (best < 0) break;
    picked.push(best);
    for (const id of pooled[best]?.bag.ids ?? []) said.add(id);
  }
  return picked.map((i) => pooled[i]).filter((s): s is Pooled => s !== undefined);
}

/** Share of a bag's distinct words not in `known`. */
function freshShare(bag: TermBag, known: ReadonlySet<number>): number {
  if (bag.ids.length === 0) return 0;
  let fresh = 0;
  for (const id of bag.ids) if (!known.has(id)) fresh++;
  return fresh / bag.ids.length;
}

/** The best description sentence the article does not already say, if any. */
function addition(
  article: Story,
  pooled: Pooled[],
  ranked: Ranked,
  vocabulary: Map<string, number>,
): Pooled | undefined {
  if (ranked.order.length === 0) return undefined;
  const text = article.paragraphs
    .filter((p) => !isBoilerplate(p))
    .flatMap((p) => splitSentences(p))
    .slice(0, MAX_ARTICLE_SENTENCES)
    .join(' ');
  const known = new Set(bagOf(text, vocabulary).ids);
  for (const i of ranked.order.slice(0, OFFERED)) {
    const candidate = pooled[i];
    if (!candidate) continue;
    const shared = candidate.bag.ids.filter((id) => known.has(id)).length;
    if (shared >= ON_TOPIC && freshShare(candidate.bag, known) >= FRESH) return candidate;
  }
  return undefined;
}
