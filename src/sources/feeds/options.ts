/** Settings shared by the feed reader, the article fetcher and the feed source, with their defaults. */

/** The subset of a pino logger that sources use; tests pass a recorder. */
export interface SourceLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FeedOptions {
  /** Deadline for one request, redirects and body included. */
  timeoutMs: number;
  /** Largest response accepted, in bytes (decompressed). */
  maxBytes: number;
  /** Only items from the last this-many hours are news. */
  headlineHours: number;
  /** Sent with every request, so site owners can tell who is reading (and reach us). */
  userAgent: string;
  /** Feeds fetched at the same time. */
  concurrency: number;
  /** Stories tried, in order, before settling for a lead without article text. */
  leadAttempts: number;
  /** Items kept per feed (the newest): a huge feed must not swamp the day or the machine. */
  maxFeedItems: number;
  /** Items kept per briefing, over all feeds (the newest). */
  maxItems: number;
  /**
   * BRIEFER_FETCH_ALLOW_PRIVATE: article links and redirects may go to private addresses too. Off by
   * default: a feed must not make Briefer read (and publish) pages from the internal network.
   */
  allowPrivateAddresses: boolean;
  now: () => Date;
  logger: SourceLogger;
  /** Told the outcome of every feed fetch (for metrics). */
  onFetch: (outcome: 'fetched' | 'not_modified' | 'failed') => void;
}

export const DEFAULT_USER_AGENT = 'Briefer/0.1 (news-briefing bot; RSS/Atom reader)';

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const ARTICLE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

const silent = () => {};
export const SILENT_LOGGER: SourceLogger = { debug: silent, info: silent, warn: silent, error: silent };

export function withDefaults(options: Partial<FeedOptions> = {}): FeedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return {
    timeoutMs: 10_000,
    maxBytes: 5 * 1024 * 1024,
    headlineHours: 24,
    userAgent: DEFAULT_USER_AGENT,
    concurrency: 6,
    leadAttempts: 3,
    maxFeedItems: 500,
    maxItems: 5000,
    allowPrivateAddresses: false,
    now: () => new Date(),
    logger: SILENT_LOGGER,
    onFetch: silent,
    ...defined,
  };
}
