/**
 * `briefer categorize`: headlines one per line on stdin → one JSON line each, same order. With
 * `--jsonl`, each line `{"id","title","summary"?}` → `{"id","category","confidence","scores"}` (the
 * summary counts as evidence too); a bad line gives `{"id","error"}` and the rest go on.
 */
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { Categorization, Categorizer } from '../core/categorizer.ts';
import { cleanInline } from '../core/clean-text.ts';
import { categorizeStory } from '../core/story-category.ts';
import { batchLineError, lineId } from './batch-error.ts';
import { readLines } from './read-lines.ts';

/**
 * One output line per input line (`answer` returns undefined to skip one), written through a buffer:
 * a small write per headline would make stdout, not the model, the bottleneck.
 */
async function mapLines(
  input: Readable,
  output: Writable,
  answer: (line: string) => string | undefined,
): Promise<void> {
  let buffer = '';
  for await (const line of readLines(input)) {
    const out = answer(line);
    if (out === undefined) continue;
    buffer += `${out}\n`;
    if (buffer.length > 64 * 1024) {
      if (!output.write(buffer)) await new Promise((r) => output.once('drain', r));
      buffer = '';
    }
  }
  if (buffer) output.write(buffer);
}

export function categorizeLines(input: Readable, output: Writable, categorizer: Categorizer): Promise<void> {
  // Categorize the cleaned text, but echo the line as given so callers can match it back.
  return mapLines(input, output, (line) =>
    JSON.stringify({ headline: line.trim(), ...rounded(categorizer.categorize(cleanInline(line))) }),
  );
}

const BatchLine = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  summary: z.string().optional(),
});

export function categorizeBatch(input: Readable, output: Writable, categorizer: Categorizer): Promise<void> {
  return mapLines(input, output, (line) => {
    if (!line.trim()) return undefined;
    let id: unknown = null;
    try {
      const raw: unknown = JSON.parse(line);
      id = lineId(raw);
      const item = BatchLine.parse(raw);
      const story = {
        titles: [cleanInline(item.title)],
        descriptions: item.summary ? [cleanInline(item.summary)] : [],
      };
      return JSON.stringify({ id: item.id, ...rounded(categorizeStory(categorizer, story)) });
    } catch (error) {
      return JSON.stringify({ id, error: batchLineError(error) });
    }
  });
}

function rounded({ category, confidence, scores }: Categorization): Categorization {
  return { category, confidence: round(confidence), scores: roundAll(scores) };
}
const round = (n: number) => Math.round(n * 10_000) / 10_000;
const roundAll = (scores: Record<string, number>) =>
  Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, round(v)]));
