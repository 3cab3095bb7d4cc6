/**
 * `briefer cluster`: one news day as JSONL on stdin, `{"id","title","source","summary"?,"url"?,"guid"?}` a
 * line → one `{"id","story"}` line per input line on stdout, in the same order; equal `story` = one story.
 * A line that is not a headline gives `{"id","error"}` (id null when it has none) and the rest go on.
 */
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { cleanInline } from '../core/clean-text.ts';
import { clusterStories, type StoryItem } from '../core/stories/cluster-stories.ts';
import { describeZodError } from '../sources/zod-problem.ts';
import { readLines } from './read-lines.ts';

const id = z.union([z.string(), z.number()]).transform(String);
const optionalText = z
  .string()
  .transform((s) => cleanInline(s) || undefined)
  .optional()
  .nullable();

const LineSchema = z.object({
  id,
  title: z.string().transform(cleanInline).pipe(z.string().min(1, 'must not be empty')),
  source: optionalText,
  summary: optionalText,
  url: optionalText,
  guid: optionalText,
});

type Row = { id: string; item: StoryItem } | { id: string | null; error: string };

export async function clusterLines(input: Readable, output: Writable): Promise<void> {
  const rows: Row[] = [];
  for await (const line of readLines(input)) {
    if (!line.trim()) continue;
    rows.push(parseRow(line));
  }
  const items = rows.flatMap((r) => ('item' in r ? [r.item] : []));
  const stories = clusterStories(items);
  let k = 0;
  let out = '';
  for (const r of rows) {
    out +=
      'item' in r
        ? `${JSON.stringify({ id: r.id, story: `s${stories[k++]}` })}\n`
        : `${JSON.stringify({ id: r.id, error: r.error })}\n`;
  }
  output.write(out);
}

function parseRow(line: string): Row {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: 'not JSON' };
  }
  const parsed = LineSchema.safeParse(value);
  if (!parsed.success) {
    const given = (value as { id?: unknown } | null)?.id;
    const shownId = typeof given === 'string' || typeof given === 'number' ? String(given) : null;
    return { id: shownId, error: describeZodError(parsed.error) };
  }
  const { id, title, summary, url, guid, source } = parsed.data;
  return {
    id,
    item: {
      title,
      ...(summary ? { summary } : {}),
      ...(url ? { url } : {}),
      ...(guid ? { guid } : {}),
      ...(source ? { outlet: source } : {}),
    },
  };
}
