/**
 * The readable text of a news article page: Mozilla Readability (the engine of Firefox Reader View) over
 * a linkedom document, then paragraphs from its cleaned-up HTML. A page that yields too little text, or
 * text that has nothing to do with the headline (a consent wall, a paywall teaser), is a failure.
 */
import type * as ReadabilityModule from '@mozilla/readability';
import type { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { storyTerms } from '../../core/stories/story-terms.ts';
import { stems } from '../../core/text/tokens.ts';
import { htmlToParagraphs } from './html-text.ts';
import { lazyRequire } from './lazy-require.ts';

const linkedom = lazyRequire<typeof Linkedom>('linkedom');
const readability = lazyRequire<typeof ReadabilityModule>('@mozilla/readability');

export interface Article {
  title?: string;
  paragraphs: string[];
}

/** Below this many characters of prose, a page is a teaser or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 400;

export class ArticleError extends Error {
  override name = 'ArticleError';
}

export function extractArticle(html: string, headline?: string): Article {
  const { document } = linkedom().parseHTML(html);
  let result: ReturnType<Readability<string>['parse']>;
  try {
    result = new (readability().Readability)(
      document as unknown as ConstructorParameters<typeof Readability>[0],
      {
        charThreshold: MIN_ARTICLE_CHARS,
      },
    ).parse();
  } catch (error) {
    throw new ArticleError(`could not read the page (${(error as Error).message})`);
  }
  if (!result?.content) throw new ArticleError('no article text found on the page');
  const paragraphs = htmlToParagraphs(result.content).filter(isProse);
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars < MIN_ARTICLE_CHARS) throw new ArticleError(`too little article text (${chars} characters)`);
  if (headline && !mentions(paragraphs, headline))
    throw new ArticleError('the page text does not match the headline (consent or paywall page?)');
  const title = result.title?.trim();
  return title ? { title, paragraphs } : { paragraphs };
}

// Lone short fragments ("Advertisement", "Share this") are page furniture, not prose.
function isProse(p: string): boolean {
  return p.length >= 40 || /[.!?]["”’)]?$/.test(p);
}

/** Does the text use at least a third of the headline's content words? */
function mentions(paragraphs: string[], headline: string): boolean {
  const terms = new Set(storyTerms(headline).terms.map((t) => t.term));
  if (terms.size < 3) return true;
  const words = new Set(stems(paragraphs.join(' ').slice(0, 20_000)));
  let found = 0;
  for (const t of terms) if (words.has(t)) found++;
  return found / terms.size >= 1 / 3;
}
