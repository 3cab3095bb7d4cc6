/**
 * Sentence centrality: PageRank (TextRank) over a graph whose edges are the cosine similarities of the
 * sentences' word counts. A sentence is central when it shares words with many other central sentences.
 */

/** A bag of words: parallel arrays of term ids (0 … vocabulary size − 1) and their counts. */
export interface TermBag {
  ids: Int32Array;
  counts: Float64Array;
}

/** Pairwise cosine similarities (symmetric, zero diagonal) of bags over a vocabulary of `vocabularySize` terms. */
export function cosineMatrix(bags: readonly TermBag[], vocabularySize: number): Float64Array[] {
  const n = bags.length;
  const norms = bags.map((bag) => Math.sqrt(bag.counts.reduce((sum, c) => sum + c * c, 0)));
  const rows = bags.map(() => new Float64Array(n));
  // Scatter one bag into a dense vector, then each later bag is a short gather: O(n² × words per sentence).
  const dense = new Float64Array(vocabularySize);
  for (let a = 0; a < n; a++) {
    const bagA = bags[a];
    const rowA = rows[a];
    const normA = norms[a] ?? 0;
    if (!bagA || !rowA || normA === 0) continue;
    for (let k = 0; k < bagA.ids.length; k++) dense[bagA.ids[k] ?? 0] = bagA.counts[k] ?? 0;
    for (let b = a + 1; b < n; b++) {
      const bagB = bags[b];
      const normB = norms[b] ?? 0;
      if (!bagB || normB === 0) continue;
      let dot = 0;
      for (let k = 0; k < bagB.ids.length; k++) dot += (dense[bagB.ids[k] ?? 0] ?? 0) * (bagB.counts[k] ?? 0);
      if (dot === 0) continue;
      const sim = dot / (normA * normB);
      rowA[b] = sim;
      const rowB = rows[b];
      if (rowB) rowB[a] = sim;
    }
    for (let k = 0; k < bagA.ids.length; k++) dense[bagA.ids[k] ?? 0] = 0;
  }
  return rows;
}

/**
 * Weighted PageRank over a similarity matrix; a sentence with no edges spreads its rank evenly. Returns
 * one score per row, summing to 1.
 */
export function pageRank(weights: readonly Float64Array[], damping = 0.85, maxIterations = 20): Float64Array {
  const n = weights.length;
  let rank = new Float64Array(n).fill(n ? 1 / n : 0);
  if (n === 0) return rank;
  // Row-normalised transition weights, computed once; rows without edges are "dangling".
  const transition = weights.map((row) => {
    const out = row.reduce((a, b) => a + b, 0);
    return out > 0 ? row.map((w) => (damping * w) / out) : null;
  });
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    next.fill(0);
    for (let j = 0; j < n; j++) {
      const r = rank[j] ?? 0;
      const row = transition[j];
      if (!row) {
        dangling += r;
        continue;
      }
      for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) + r * (row[i] ?? 0);
    }
    const base = (1 - damping) / n + (damping * dangling) / n;
    let change = 0;
    for (let i = 0; i < n; i++) {
      const v = (next[i] ?? 0) + base;
      change += Math.abs(v - (rank[i] ?? 0));
      next[i] = v;
    }
    [rank, next] = [next, rank];
    // Only the order matters downstream, and it settles long before the values do.
    if (change < 1e-5) break;
  }
  return rank;
}
