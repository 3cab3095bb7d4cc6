/**
 * The digest text format, as an editor or wire service delivers it:
 *
 *   [Title: …]            optional header lines at the very top: Title, Source, URL, Published
 *   lead paragraph         one paragraph per line
 *   lead paragraph
 *                          one or more blank lines
 *   headline               one headline per line
 *   headline
 *
 * Lines starting with `#` are comments. Trailing spaces, curly quotes and CRLF line ends are fine.
 */
import { cleanInline } from '../core/clean-text.ts';
import { SourceError } from '../core/errors.ts';
import { type News, NewsSchema } from '../core/schemas.ts';
import { describeZodError } from './zod-problem.ts';

const HEADER = /^(title|source|url|published):\s*(.*)$/i;

export function parseDigestText(text: string, name: string): News {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => !/^\s*#(\s|$)/.test(l));

  let i = 0;
  const header: Record<string, string> = {};
  while (i < lines.length && lines[i]?.trim() === '') i++;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m) break;
    header[(m[1] ?? '').toLowerCase()] = m[2] ?? '';
  }
  while (i < lines.length && lines[i]?.trim() === '') i++;

  const paragraphs: string[] = [];
  for (; i < lines.length && lines[i]?.trim() !== ''; i++) paragraphs.push(lines[i] ?? '');
  const headlines = lines
    .slice(i)
    .map((l) => cleanInline(l))
    // A line that is only markup (`<br/>`) carries no news.
    .filter(Boolean)
    .map((title) => ({ title }));

  if (paragraphs.length === 0 && headlines.length === 0)
    throw new SourceError(
      'SOURCE_EMPTY',
      name,
      'no lead story and no headlines (the file has only blank lines)',
    );

  const parsed = NewsSchema.safeParse({
    story: {
      paragraphs,
      title: header.title,
      source: header.source,
      url: header.url || undefined,
      publishedAt: header.published || undefined,
    },
    headlines,
  });
  if (!parsed.success) throw new SourceError('SOURCE_MALFORMED', name, describeZodError(parsed.error));
  return parsed.data;
}
