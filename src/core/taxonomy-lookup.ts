import type { Category, Taxonomy } from './taxonomy.ts';

/** A category by id or label, case- and accent-insensitive, with a leading emoji or `#` ignored. */
export function findCategory(taxonomy: Taxonomy, query: string): Category | undefined {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .toLowerCase();
  const q = fold(query);
  if (!q) return undefined;
  return (
    taxonomy.categories.find((c) => c.id === q) ??
    taxonomy.categories.find((c) => fold(c.label) === q) ??
    taxonomy.categories.find((c) => c.id.startsWith(q) || fold(c.label).startsWith(q))
  );
}
