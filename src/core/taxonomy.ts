/**
 * The category taxonomy: an editable JSON file (default `data/categories.json`) that lists every
 * category a headline can be put in, how it is shown, and the keywords that pull headlines into it.
 * Adding or renaming a category needs only an edit of that file.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { phraseKey } from './categorizer-features.ts';
import { BrieferError } from './errors.ts';

/** The category that takes headlines nothing else claims. */
export const FALLBACK_CATEGORY = 'other';

export const DEFAULT_TAXONOMY_URL = new URL('../../data/categories.json', import.meta.url);

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

const CategorySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "world-news"'),
    label: z.string().trim().min(1, 'must not be empty'),
    emoji: z.string().trim().min(1, 'must not be empty').regex(EMOJI, 'must be an emoji such as "🌍"'),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as "#3b82f6"'),
    description: z.string().trim().default(''),
    /**
     * Word or phrase → weight. Matching is on stemmed words, so "tariff" also matches "tariffs".
     * Weights add to the category's evidence: 1 is a hint, 3 is strong, 5 nearly decides; negative
     * weights push headlines away.
     */
    keywords: z
      .record(z.string(), z.number().min(-10).max(10))
      .superRefine((keywords, ctx) => {
        for (const key of Object.keys(keywords)) {
          // Function words ("the", "of") are never matched, so a keyword made only of them could not fire.
          if (!phraseKey(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: 'a keyword needs a word other than "the", "of", …',
            });
          }
        }
      })
      .default({}),
  })
  .strict();

const TaxonomySchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    categories: z.array(CategorySchema).min(1, 'needs at least one category'),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Map<string, number>();
    t.categories.forEach((c, i) => {
      const first = seen.get(c.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'id'],
          message: `duplicate category id "${c.id}" (also categories.${first}.id)`,
        });
      } else seen.set(c.id, i);
    });
    if (!seen.has(FALLBACK_CATEGORY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: `needs a category with id "${FALLBACK_CATEGORY}" (the fallback)`,
      });
    }
  });

export type Category = z.output<typeof CategorySchema>;
/** The taxonomy as loaded: categories in display order; `other` is always present. */
export interface Taxonomy {
  categories: Category[];
}

/** Validates an already-parsed taxonomy object; `file` names it in error messages. */
export function parseTaxonomy(data: unknown, file = 'taxonomy'): Taxonomy {
  const result = TaxonomySchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((i) => {
      const where = i.path.join('.');
      return where ? `${where}: ${i.message}` : i.message;
    });
    const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
    throw new BrieferError('TAXONOMY_INVALID', `${file}: ${issues.join('; ')}${more}`);
  }
  return { categories: result.data.categories };
}

/** A taxonomy is a few kilobytes; anything past this is not one. */
const MAX_TAXONOMY_BYTES = 1024 * 1024;

/**
 * The file's text. Only a regular file of sane size is read: a device (/dev/zero) or a FIFO named by
 * mistake would otherwise hang start-up or fill memory (O_NONBLOCK: opening a FIFO does not wait).
 */
function readTaxonomyText(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new BrieferError('TAXONOMY_INVALID', `${file}: is a directory, not a file`);
    if (!info.isFile()) throw new BrieferError('TAXONOMY_INVALID', `${file}: is not a regular file`);
    if (info.size > MAX_TAXONOMY_BYTES)
      throw new BrieferError('TAXONOMY_INVALID', `${file}: is ${info.size} bytes, over the 1 MB limit`);
    return readFileSync(fd, 'utf8');
  } catch (cause) {
    if (cause instanceof BrieferError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(cause)})`;
    throw new BrieferError('TAXONOMY_INVALID', `${file}: ${problem}`, { cause });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and validates a taxonomy file (default: the bundled `data/categories.json`). */
export function loadTaxonomy(path?: string | URL): Taxonomy {
  const source = path ?? DEFAULT_TAXONOMY_URL;
  const file = source instanceof URL ? fileURLToPath(source) : source;
  const raw = readTaxonomyText(file);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (cause) {
    throw new BrieferError('TAXONOMY_INVALID', `${file}: not valid JSON (${(cause as Error).message})`, {
      cause,
    });
  }
  return parseTaxonomy(data, file);
}
