/**
 * Extractive summaries: pick the sentences that carry a story, word for word, in article order.
 *
 * Each sentence gets a centrality score (TextRank over word-count cosine similarity, NLTK stopwords
 * left out, no stemming) plus a lead bonus for the first sentences. The lead bonus is strongest when
 * the summary is a small share of the article (news puts the story in its first sentences) and fades
 * out once the summary asks for 40% or more of it: then the question is which sentences to leave out,
 * and centrality answers it. Run-on sentences (captions glued to the text) are damped, page furniture
 * is never chosen, and a sentence too close to one already chosen is skipped.
 */
import type { Story, SummarySentence } from './schemas.ts';
import { isBoilerplate } from './text/boilerplate.ts';
import { cosineMatrix, pageRank, type TermBag } from './text/centrality.ts';
import { looksLikeMarkup, stripMarkup } from './text/markup.ts';
import { splitSentences } from './text/sentences.ts';
import { TermIds } from './text/term-ids.ts';

/** Options for {@link summarize}. */
export interface SummarizeOptions {
  /** How many sentences to return (default 3). */
  sentences?: number;
}

const DEFAULT_SENTENCES = 3;
/** Only this many leading sentences are ranked: enough for any article, bounded work for a 1 MB one. */
const MAX_RANKED = 400;
/** Characters of a story looked at; the rest of a huge paste cannot change a lead summary. */
const MAX_CHARS = 200_000;
/** A "sentence" longer than this is a run-on (a caption glued to the text, a table), not a candidate. */
const MAX_SENTENCE_CHARS = 1_500;
const MIN_WORDS = 3;
/** Weight of the lead bonus when the summary is a tiny share of the article. */
const LEAD_WEIGHT = 5;
/** Share of the article at which the lead bonus has faded to nothing. */
const LEAD_FADE_RATIO = 0.4;
/** Sentences longer than this (in words) are damped in proportion. */
const LONG_SENTENCE_WORDS = 50;
/** Cosine similarity above which a sentence repeats one already chosen. */
const REDUNDANT = 0.5;

interface Sentence {
  text: string;
  paragraph: number;
  sentence: number;
  index: number;
  wordCount: number;
  /** Term ids of its content words (stopwords left out), for similarity. */
  terms: number[];
  /** Ranked: not furniture, not markup, a plausible length. */
  candidate: boolean;
  /** Story text (not furniture or markup); what "return them all" returns for a short article. */
  content: boolean;
}

/**
 * Choose `options.sentences` (default 3) sentences that carry the story, in article order, each exactly
 * as it stands in the article, with its paragraph, in-paragraph and whole-article positions.
 * Deterministic. An article with no more content sentences than asked for is returned whole
 * (without furniture such as bylines); an empty story gives [].
 *
 * @example summarize(story, { sentences: 2 }).map((s) => s.text)
 */
export function summarize(story: Story, options: SummarizeOptions = {}): SummarySentence[] {
  const wanted = Math.max(0, Math.floor(options.sentences ?? DEFAULT_SENTENCES));
  if (wanted === 0) return [];
  const vocabulary = new TermIds();
  const all = collectSentences(story.paragraphs, vocabulary);
  const content = dedupe(all.filter((s) => s.content));
  if (content.length <= wanted) return content.map(toSummary);

  const ranked = content.filter((s) => s.candidate).slice(0, MAX_RANKED);
  const chosen = choose(ranked, wanted, all.length, vocabulary.size);
  // Too few plausible candidates (an article of fragments): top up with the other content, in order.
  for (const s of content) {
    if (chosen.length >= wanted) break;
    if (!chosen.includes(s)) chosen.push(s);
  }
  return chosen.sort((a, b) => a.index - b.index).map(toSummary);
}

function toSummary(s: Sentence): SummarySentence {
  return { text: s.text, paragraph: s.paragraph, sentence: s.sentence, index: s.index };
}

function collectSentences(paragraphs: readonly string[], vocabulary: TermIds): Sentence[] {
  const out: Sentence[] = [];
  let budget = MAX_CHARS;
  for (let p = 0; p < paragraphs.length && budget > 0; p++) {
    const paragraph = paragraphs[p] ?? '';
    const furniture = isBoilerplate(paragraph);
    const sentences = splitSentences(paragraph);
    for (let i = 0; i < sentences.length && budget > 0; i++) {
      const text = sentences[i] ?? '';
      budget -= text.length;
      const terms: number[] = [];
      const tooLong = text.length > MAX_SENTENCE_CHARS;
      const wordCount = tooLong ? Number.POSITIVE_INFINITY : vocabulary.read(stripMarkup(text), terms);
      const content =
        !furniture && wordCount > 0 && (text === paragraph || !isBoilerplate(text)) && !looksLikeMarkup(text);
      out.push({
        text,
        paragraph: p,
        sentence: i,
        index: out.length,
        wordCount,
        terms,
        content,
        candidate: content && wordCount >= MIN_WORDS && !tooLong,
      });
    }
  }
  return out;
}

/** Drops verbatim repeats of a sentence (ignoring case); near-repeats are left to the similarity check. */
function dedupe(sentences: Sentence[]): Sentence[] {
  const seen = new Set<string>();
  return sentences.filter((s) => {
    const key = s.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Bags of words (term id → count) from each sentence's term ids. */
function bagsOfWords(sentences: readonly Sentence[], vocabularySize: number): TermBag[] {
  // Scratch arrays indexed by term id: where the term sits in the current bag, and for which sentence.
  const slotOf = new Int32Array(vocabularySize);
  const ownerOf = new Int32Array(vocabularySize).fill(-1);
  return sentences.map((s, owner) => {
    const ids: number[] = [];
    const counts: number[] = [];
    for (const id of s.terms) {
      if (ownerOf[id] === owner) {
        const slot = slotOf[id] ?? 0;
        counts[slot] = (counts[slot] ?? 0) + 1;
      } else {
        ownerOf[id] = owner;
        slotOf[id] = ids.length;
        ids.push(id);
        counts.push(1);
      }
    }
    return { ids: Int32Array.from(ids), counts: Float64Array.from(counts) };
  });
}

function choose(
  ranked: Sentence[],
  wanted: number,
  totalSentences: number,
  vocabularySize: number,
): Sentence[] {
  if (ranked.length === 0) return [];
  const similarity = cosineMatrix(bagsOfWords(ranked, vocabularySize), vocabularySize);
  const centrality = pageRank(similarity);
  let top = 0;
  for (const c of centrality) top = Math.max(top, c);

  const share = wanted / Math.max(1, totalSentences);
  const leadWeight = LEAD_WEIGHT * Math.max(0, 1 - share / LEAD_FADE_RATIO);
  const scores = ranked.map((s, i) => {
    let score = (top > 0 ? (centrality[i] ?? 0) / top : 0) + leadWeight * Math.exp(-s.index / wanted);
    if (s.wordCount > LONG_SENTENCE_WORDS) score *= LONG_SENTENCE_WORDS / s.wordCount;
    return score;
  });

  const order = ranked.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const picked: number[] = [];
  for (const i of order) {
    if (picked.length >= wanted) break;
    const row = similarity[i];
    if (picked.some((j) => (row?.[j] ?? 0) > REDUNDANT)) continue;
    picked.push(i);
  }
  // Not enough distinct sentences: allow close ones rather than return fewer than asked.
  for (const i of order) {
    if (picked.length >= wanted) break;
    if (!picked.includes(i)) picked.push(i);
  }
  return picked.map((i) => ranked[i]).filter((s): s is Sentence => s !== undefined);
}
