/**
 * `briefer summarize`: one article on stdin → its summary. With `--jsonl`, the batch contract: each line
 * `{"id","text","sentences"}` → one line `{"id","summary":[…]}` in the same order; a bad line gives
 * `{"id","error"}` and the rest go on. With `--llm`, a configured model writes the summary
 * (docs/ai-summaries.md); each answer says which it is (`summaryKind`), and falls back to the extractive
 * summary, as the bot does, when the model's answer is not grounded or does not come.
 */
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { extractKeyFacts } from '../core/key-facts.ts';
import type { ModelSummary } from '../core/model-summary.ts';
import type { Story } from '../core/schemas.ts';
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

/** Writes a model summary for one story, or undefined (then the extractive summary is used). */
export type ModelSummarizer = (story: Story, sentences: number) => Promise<ModelSummary | undefined>;

export async function summarizeBatch(
  input: Readable,
  output: Writable,
  defaultSentences: number,
  model?: ModelSummarizer,
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
      const sentences = doc.sentences ?? defaultSentences;
      const story = storyFromText(text, doc.title);
      const written = text && model ? await model(story, sentences) : undefined;
      const summary = written
        ? written.sentences
        : text
          ? summarize(story, { sentences }).map((s) => s.text)
          : [];
      result = {
        id: doc.id,
        summary,
        ...(model ? { summaryKind: written ? 'model' : 'extractive' } : {}),
        ...(written ? { model: written.model } : {}),
      };
    } catch (error) {
      result = { id, error: batchLineError(error) };
    }
    output.write(`${JSON.stringify(result)}\n`);
  }
}

export async function summarizeOne(
  input: Readable,
  output: Writable,
  options: { sentences: number; json: boolean; model?: ModelSummarizer },
  errors: Writable,
): Promise<number> {
  const raw = await readAll(input);
  if (raw === undefined) {
    errors.write('briefer summarize: stdin is not text (binary data, or not UTF-8)\n');
    return 2;
  }
  const text = raw.trim();
  if (!text) {
    errors.write('briefer summarize: no text on stdin (pipe an article in)\n');
    return 2;
  }
  const story = storyFromText(text);
  const summary = summarize(story, { sentences: options.sentences });
  const written = options.model ? await options.model(story, options.sentences) : undefined;
  if (options.json) {
    const positions = summary.map(({ paragraph, sentence, index }) => ({ paragraph, sentence, index }));
    const kind = options.model ? { summaryKind: written ? 'model' : 'extractive' } : {};
    const shown = written
      ? {
          summary: written.sentences,
          model: written.model,
          whyItMatters: written.whyItMatters,
          extractiveSummary: summary.map((s) => s.text),
        }
      : { summary: summary.map((s) => s.text) };
    output.write(`${JSON.stringify({ ...kind, ...shown, positions, keyFacts: extractKeyFacts(story) })}\n`);
  } else if (written) {
    output.write(`${[...written.sentences, `Why it matters: ${written.whyItMatters}`].join('\n')}\n`);
    errors.write(`briefer summarize: AI summary by ${written.model}\n`);
  } else {
    output.write(`${summary.map((s) => s.text).join('\n')}\n`);
    if (options.model)
      errors.write('briefer summarize: extractive summary (no grounded AI summary; see the log)\n');
  }
  return 0;
}
