/**
 * A feeds file: JSON (`data/feeds.json` style) or an OPML export. The JSON form is
 *
 *   { "feeds": [ { "url": "https://…", "name"?: "…", "weight"?: 1.5, "category"?: "sports" }, "https://…" ] }
 *
 * or just the array. A bare string is a URL with defaults.
 */
import { z } from 'zod';
import { SourceError } from '../../core/errors.ts';
import { readTextFile } from '../read-file.ts';
import { describeZodError } from '../zod-problem.ts';
import { type FeedSpec, FeedSpecSchema } from './feed-spec.ts';
import { looksLikeOpml, parseOpml } from './opml.ts';

const FeedsFileSchema = z.preprocess(
  (v) => (Array.isArray(v) ? { feeds: v } : v),
  z.object({ feeds: z.array(FeedSpecSchema).min(1, 'lists no feed') }),
);

export interface FeedsFile {
  feeds: FeedSpec[];
  /** Entries that were left out, for the log. */
  skipped: string[];
}

/** Is this file content a feeds list (as opposed to news JSON or a digest)? */
export function looksLikeFeedsFile(text: string): boolean {
  if (looksLikeOpml(text)) return true;
  const t = text.replace(/^\uFEFF/, '').trimStart();
  return t.startsWith('[') || /^\{\s*"feeds"\s*:/.test(t);
}

export function parseFeedsFile(text: string, name: string): FeedsFile {
  if (looksLikeOpml(text)) {
    try {
      return parseOpml(text);
    } catch (error) {
      throw new SourceError('SOURCE_MALFORMED', name, (error as Error).message);
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SourceError('SOURCE_MALFORMED', name, `is not valid JSON (${(error as Error).message})`);
  }
  const parsed = FeedsFileSchema.safeParse(raw);
  if (!parsed.success) throw new SourceError('SOURCE_MALFORMED', name, describeZodError(parsed.error));
  const feeds: FeedSpec[] = [];
  const skipped: string[] = [];
  for (const f of parsed.data.feeds) {
    if (feeds.some((g) => g.url === f.url)) skipped.push(`${f.url}: listed twice`);
    else feeds.push(stripUndefined(f));
  }
  return { feeds, skipped };
}

export async function readFeedsFile(path: string, maxBytes?: number): Promise<FeedsFile> {
  return parseFeedsFile(await readTextFile(path, maxBytes), path);
}

function stripUndefined(f: FeedSpec): FeedSpec {
  const out: FeedSpec = { url: f.url, weight: f.weight };
  if (f.name) out.name = f.name;
  if (f.category) out.category = f.category;
  return out;
}
