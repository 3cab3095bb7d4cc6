/**
 * The JSON news format:
 *
 *   {
 *     "story": { "title"?, "url"?, "source"?, "publishedAt"?, "paragraphs": ["…"] }   // or "text": "…"
 *     "headlines": [ "plain title", { "title", "url"?, "source"?, "publishedAt"? } ]
 *   }
 *
 * `story.text` is split into paragraphs at line breaks; a headline may be a bare string.
 */
import { z } from 'zod';
import { SourceError } from '../core/errors.ts';
import { type News, NewsSchema } from '../core/schemas.ts';
import { describeZodError } from './zod-problem.ts';

const Shorthand = z.object({
  story: z.preprocess((s) => {
    if (
      s &&
      typeof s === 'object' &&
      !('paragraphs' in s) &&
      typeof (s as { text?: unknown }).text === 'string'
    ) {
      const { text, ...rest } = s as { text: string };
      return { ...rest, paragraphs: text.split(/\r?\n/) };
    }
    return s;
  }, z.unknown()),
  headlines: z
    .array(z.unknown())
    .default([])
    .transform((hs) => hs.map((h) => (typeof h === 'string' ? { title: h } : h))),
});

export function parseNewsJson(text: string, name: string): News {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SourceError('SOURCE_MALFORMED', name, `is not valid JSON (${(error as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new SourceError('SOURCE_MALFORMED', name, 'expected a JSON object with "story" and "headlines"');
  const shaped = Shorthand.safeParse(raw);
  const parsed = shaped.success ? NewsSchema.safeParse(shaped.data) : shaped;
  if (!parsed.success) throw new SourceError('SOURCE_MALFORMED', name, describeZodError(parsed.error));
  return parsed.data as News;
}
