/**
 * `briefer summarize`: one article on stdin → its summary. With `--jsonl`, the batch contract: each line
 * `{"id","text","sentences"}` → one line `{"id","summary":[…]}` in the same order; a bad line gives
 * `{"id","error"}` and the rest go on.
 */
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { extractKeyFacts } from '../core/key-facts.ts';
import { summarize } from '../core/summarizer.ts';
import { storyFromText } from '../core/text/story-text.ts';
import { batchLineError, lineId } from './batch-error.ts';
import { readAll, readLines } from './read-lines.ts';

const BatchLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  sentences: z.coerce.number().int().min(1).max(100).optional(),
  title: z.string().optional(),
});

export async function summarizeBatch(
  input: Readable,
  output: Writable,
  defaultSentences: number,
): Promise<void> {
  for await (const line of readLines(input)) {
    if (!line.trim()) continue;
    let id: unknown = null;
    let result: object;
    try {
      const raw: unknown = JSON.parse(line);
      id = lineId(raw);
      const doc = BatchLine.parse(raw);
      const text = doc.text.trim();
      const summary = text
        ? summarize(storyFromText(text, doc.title), { sentences: doc.sentences ?? defaultSentences }).map(
            (s) => s.text,
          )
        : [];
      result = { id: doc.id, summary };
    } catch (error) {
      result = { id, error: batchLineError(error) };
    }
    output.write(`${JSON.stringify(result)}\n`);
  }
}

export async function summarizeOne(
  input: Readable,
  output: Writable,
  options: { sentences: number; json: boolean },
): Promise<number> {
  const text = (await readAll(input)).trim();
  if (!text) {
    process.stderr.write('briefer summarize: no text on stdin (pipe an article in)\n');
    return 2;
  }
  const story = storyFromText(text);
  const summary = summarize(story, { sentences: options.sentences });
  if (options.json) {
    output.write(
      `${JSON.stringify({ summary: summary.map((s) => s.text), positions: summary.map(({ paragraph, sentence, index }) => ({ paragraph, sentence, index })), keyFacts: extractKeyFacts(story) })}\n`,
    );
  } else {
    output.write(`${summary.map((s) => s.text).join('\n')}\n`);
  }
  return 0;
}
