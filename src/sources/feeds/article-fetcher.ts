/**
 * Fetches and extracts lead articles, remembering results between loads: a lead that stays the lead is
 * revalidated with conditional GET instead of downloaded again, and a page that failed is not retried
 * for an hour (each retry could cost a full timeout).
 */
import { type Article, ArticleError } from './article.ts';
import { decodeBody } from './charset.ts';
import { FetchError } from './fetch-error.ts';
import { originKey } from './fetch-policy.ts';
import { fetchBytes, type Validators } from './http-fetch.ts';
import { ARTICLE_ACCEPT, type FeedOptions } from './options.ts';
import { extractArticleOffThread } from './parse-off-thread.ts';

const FAILURE_TTL_MS = 60 * 60_000;
const MAX_ENTRIES = 200;
/** Article text kept for revalidation, in characters (≈ 8 MB): leads change, old ones need not stay. */
export const MAX_TEXT_CHARS = 4_000_000;

interface Entry {
  at: number;
  validators?: Validators;
  article?: Article;
  error?: string;
}

export class ArticleFetcher {
  readonly #cache = new Map<string, Entry>();
  #chars = 0;

  constructor(private readonly options: FeedOptions) {}

  /**
   * The article's paragraphs; throws an Error whose message is the reason (one line). The link came
   * from feed content, so it must be a public address unless it is on `feedUrl`'s own host and port.
   */
  async fetch(url: string, headline: string, feedUrl: string, signal?: AbortSignal): Promise<Article> {
    const cached = this.#cache.get(url);
    if (cached?.error && Date.now() - cached.at < FAILURE_TTL_MS) throw new ArticleError(cached.error);
    try {
      const result = await fetchBytes(url, {
        timeoutMs: this.options.timeoutMs,
        maxBytes: this.options.maxBytes,
        userAgent: this.options.userAgent,
        accept: ARTICLE_ACCEPT,
        policy: { allowPrivate: this.options.allowPrivateAddresses, trusted: [originKey(feedUrl)] },
        ...(cached?.article && cached.validators ? { validators: cached.validators } : {}),
        ...(signal ? { signal } : {}),
      });
      if (result.status === 'not-modified') {
        if (cached?.article) return cached.article;
        throw new FetchError('http', 'HTTP 304 Not Modified without an earlier result');
      }
      const type = result.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      if (type && !/^(text\/html|application\/xhtml\+xml)$/.test(type))
        throw new FetchError('content', `not an HTML page (${type})`);
      const article = await extractArticleOffThread(
        decodeBody(result.bytes, result.contentType).text,
        headline,
      );
      this.#remember(url, { at: Date.now(), validators: result.validators, article });
      return article;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof FetchError && error.kind === 'aborted'))
        this.#remember(url, { at: Date.now(), error: message });
      throw error instanceof ArticleError || error instanceof FetchError ? error : new ArticleError(message);
    }
  }

  /** What the cache holds: pages, and characters of article text. */
  get cached(): { pages: number; chars: number } {
    return { pages: this.#cache.size, chars: this.#chars };
  }

  #remember(url: string, entry: Entry): void {
    this.#forget(url);
    this.#cache.set(url, entry);
    this.#chars += charsOf(entry);
    // Oldest first out (a Map iterates in insertion order), by count and by the text kept.
    while (this.#cache.size > MAX_ENTRIES || (this.#chars > MAX_TEXT_CHARS && this.#cache.size > 1)) {
      const oldest = this.#cache.keys().next().value;
      if (oldest === undefined) break;
      this.#forget(oldest);
    }
  }

  #forget(url: string): void {
    const entry = this.#cache.get(url);
    if (!entry) return;
    this.#chars -= charsOf(entry);
    this.#cache.delete(url);
  }
}

function charsOf(entry: Entry): number {
  return (entry.article?.paragraphs.reduce((n, p) => n + p.length, 0) ?? 0) + (entry.error?.length ?? 0);
}
