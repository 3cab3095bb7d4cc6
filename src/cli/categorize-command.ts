/** `briefer categorize`: headlines one per line on stdin → one JSON line each, same order. */
import type { Readable, Writable } from 'node:stream';
import type { Categorizer } from '../core/categorizer.ts';
import { cleanInline } from '../core/clean-text.ts';
import { readLines } from './read-lines.ts';

export async function categorizeLines(
  input: Readable,
  output: Writable,
  categorizer: Categorizer,
): Promise<void> {
  // Buffer output: writing a small chunk per headline would make stdout, not the model, the bottleneck.
  let buffer = '';
  for await (const line of readLines(input)) {
    // Categorize the cleaned text, but echo the line as given so callers can match it back.
    const { category, confidence, scores } = categorizer.categorize(cleanInline(line));
    const headline = line.trim();
    buffer += `${JSON.stringify({ headline, category, confidence: round(confidence), scores: roundAll(scores) })}\n`;
    if (buffer.length > 64 * 1024) {
      if (!output.write(buffer)) await new Promise((r) => output.once('drain', r));
      buffer = '';
    }
  }
  if (buffer) output.write(buffer);
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
const roundAll = (scores: Record<string, number>) =>
  Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, round(v)]));
