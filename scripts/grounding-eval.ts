/**
 * How the grounding check of AI summaries (src/core/grounding.ts) behaves on human-written summaries,
 * the nearest stand-in for a faithful model we can test without a model:
 *  - accepted: share of reference summaries accepted against their own article (higher = fewer good
 *    summaries thrown away; CNN/DM references are abstractive, BBC's are extractive);
 *  - tampered: the same references with one figure changed (+1 to its first digit run) or one name
 *    replaced by a name from another article: share rejected (higher = fewer invented facts shown).
 *
 * Usage: npx tsx scripts/grounding-eval.ts [data.jsonl ...]  (default: ../shared/eval/data dev sets)
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkGrounding } from '../src/core/grounding.ts';
import { nameMentions } from '../src/core/text/names.ts';

interface Doc {
  id: string;
  title?: string;
  text: string;
  reference: string;
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['../shared/eval/data/dev-cnndm.jsonl', '../shared/eval/data/dev-bbc-summary.jsonl'];

for (const file of files) {
  if (!existsSync(file)) {
    console.log(`skipped ${file}: not found`);
    continue;
  }
  const docs: Doc[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  let accepted = 0;
  const reasons = new Map<string, number>();
  let figures = 0;
  let figuresCaught = 0;
  let names = 0;
  let namesCaught = 0;
  const started = Date.now();
  docs.forEach((doc, i) => {
    const source = `${doc.title ?? ''}\n${doc.text}`;
    const result = checkGrounding(doc.reference, source);
    if (result.grounded) accepted++;
    for (const m of result.missing) reasons.set(m, (reasons.get(m) ?? 0) + 1);
    if (!result.grounded) return;

    const figure = /\d+/.exec(doc.reference);
    if (figure) {
      figures++;
      const changed = String(Number(figure[0]) + 1);
      const tampered =
        doc.reference.slice(0, figure.index) + changed + doc.reference.slice(figure.index + figure[0].length);
      if (!checkGrounding(tampered, source).grounded) figuresCaught++;
    }
    const own = nameMentions(doc.reference)[0];
    const other = docs[(i + 1) % docs.length];
    const foreign = other && nameMentions(other.text).find((m) => !source.includes(m.text));
    if (own && foreign && doc.reference.includes(own.text)) {
      names++;
      if (!checkGrounding(doc.reference.replace(own.text, foreign.text), source).grounded) namesCaught++;
    }
  });
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
  console.log(`\n${file}: ${docs.length} docs, ${Date.now() - started} ms`);
  console.log(`  references accepted:       ${pct(accepted, docs.length)}`);
  console.log(`  changed figure rejected:   ${pct(figuresCaught, figures)}`);
  console.log(`  foreign name rejected:     ${pct(namesCaught, names)}`);
  const top = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`  most frequent missing:     ${top.map(([m, n]) => `${m} ×${n}`).join(', ')}`);
}
