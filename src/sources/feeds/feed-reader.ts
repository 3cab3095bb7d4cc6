/**
 * One feed over time: fetches it with conditional GET, parses it, and keeps the last good result so a
 * failing feed still contributes what it last said. Every failure becomes a SourceError naming the feed
 * and the reason, is logged, and is kept in `status` for a later `/status`.
 */
import { SourceError } from '../../core/errors.ts';
import { decodeBody } from './charset.ts';
import type { FeedItem } from './feed-item.ts';
import type { FeedSpec } from './feed-spec.ts';
import { FetchError } from './fetch-error.ts';
import { originKey } from './fetch-policy.ts';
import { fetchBytes, type Validators } from './http-fetch.ts';
import { sourceName } from './normalise.ts';
import { FEED_ACCEPT, type FeedOptions } from './options.ts';
import { FeedParseError } from './parse-feed.ts';
import { parseFeedOffThread } from './parse-off-thread.ts';

export interface FeedStatus {
  url: string;
  name: string;
  lastAttempt?: Date;
  lastSuccess?: Date;
  lastError?: { at: Date; message: string };
  /** Items in the last good result. */
  items: number;
  /** True when the last attempt failed and the last good result is being used instead. */
  usingCache: boolean;
}

export interface FeedReadResult {
  items: FeedItem[];
  /** Set when this read failed (items are then the cached ones, possibly none). */
  error?: SourceError;
}

interface GoodResult {
  items: FeedItem[];
  title?: string;
  validators: Validators;
  at: Date;
}

export class FeedReader {
  #good?: GoodResult;
  #lastAttempt?: Date;
  #lastError?: { at: Date; message: string };
  #retryAt?: number;

  constructor(
    readonly spec: FeedSpec,
    private readonly options: FeedOptions,
  ) {}

  /** The name headlines show: configured, else the feed's title, else its host. */
  get name(): string {
    return sourceName(this.spec.name, this.#good?.title, this.spec.url);
  }

  /** The name errors and logs use: a feed never read yet is named by its address, not just a host. */
  get label(): string {
    return this.spec.name ?? this.#good?.title ?? this.spec.url.replace(/^https?:\/\//, '');
  }

  status(): FeedStatus {
    const s: FeedStatus = {
      url: this.spec.url,
      name: this.name,
      items: this.#good?.items.length ?? 0,
      usingCache: Boolean(this.#lastError && this.#good),
    };
    if (this.#lastAttempt) s.lastAttempt = this.#lastAttempt;
    if (this.#good) s.lastSuccess = this.#good.at;
    if (this.#lastError) s.lastError = this.#lastError;
    return s;
  }

  /** Never throws: a failure is returned as `error` together with the cached items. */
  async read(signal?: AbortSignal): Promise<FeedReadResult> {
    const now = this.options.now();
    this.#lastAttempt = now;
    try {
      if (this.#retryAt && Date.now() < this.#retryAt)
        throw new FetchError(
          'http',
          `asked us to wait (Retry-After) until ${new Date(this.#retryAt).toISOString()}`,
        );
      const items = await this.#fetch(now, signal);
      this.#lastError = undefined;
      return { items };
    } catch (error) {
      const { code, problem } = describe(error);
      const failure = new SourceError(code, this.label, problem, { cause: error });
      this.#lastError = { at: now, message: failure.message };
      this.options.logger.warn(
        { feed: this.label, url: this.spec.url, reason: problem, cachedItems: this.#good?.items.length ?? 0 },
        this.#good ? 'feed failed; using its last good result' : 'feed failed',
      );
      this.options.onFetch('failed');
      return { items: this.#good?.items ?? [], error: failure };
    }
  }

  async #fetch(now: Date, signal?: AbortSignal): Promise<FeedItem[]> {
    const started = Date.now();
    const result = await fetchBytes(this.spec.url, {
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxBytes,
      userAgent: this.options.userAgent,
      accept: FEED_ACCEPT,
      // The operator chose this feed, wherever it is; its redirects elsewhere must be public.
      policy: { allowPrivate: this.options.allowPrivateAddresses, trusted: [originKey(this.spec.url)] },
      ...(this.#good ? { validators: this.#good.validators } : {}),
      ...(signal ? { signal } : {}),
    }).catch((error: unknown) => {
      if (error instanceof FetchError && error.details.retryAfterMs)
        this.#retryAt = Date.now() + Math.min(error.details.retryAfterMs, 6 * 3600_000);
      throw error;
    });
    this.#retryAt = undefined;

    if (result.status === 'not-modified') {
      if (!this.#good) throw new FetchError('http', 'HTTP 304 Not Modified without an earlier result');
      this.#good.at = now;
      this.options.logger.debug({ feed: this.label, ms: Date.now() - started }, 'feed not modified');
      this.options.onFetch('not_modified');
      return this.#good.items;
    }

    const decoded = decodeBody(result.bytes, result.contentType);
    if (decoded.note) this.options.logger.info({ feed: this.label, charset: decoded.charset }, decoded.note);
    const parsed = await parseFeedOffThread(decoded.text, this.spec, result.url, result.contentType);
    if (parsed.untitled)
      this.options.logger.info(
        { feed: this.label, skipped: parsed.untitled },
        'feed items without a title skipped',
      );
    const undated = parsed.items.filter((i) => !i.publishedAt).length;
    const unlinked = parsed.items.filter((i) => !i.link).length;
    if (undated || unlinked)
      this.options.logger.info(
        { feed: this.label, undated, unlinked },
        'feed items without a date (dated by when first seen) or without a link (headline only)',
      );
    if (parsed.truncated)
      this.options.logger.info(
        { feed: this.label, recovered: parsed.items.length },
        'feed XML is cut short or malformed; kept the items that could be read',
      );
    // An empty answer is not a good result: keep the last one.
    if (parsed.items.length === 0)
      throw new EmptyFeed(parsed.untitled ? 'no item has a title' : 'the feed has no items');
    const items = newest(parsed.items, this.options.maxFeedItems);
    if (items.length < parsed.items.length)
      this.options.logger.info(
        { feed: this.label, items: parsed.items.length, kept: items.length },
        'feed has more items than BRIEFER_MAX_FEED_ITEMS; kept the newest',
      );
    this.#good = { items, validators: result.validators, at: now };
    if (parsed.title) this.#good.title = parsed.title;
    this.options.logger.debug(
      { feed: this.label, items: items.length, bytes: result.bytes.length, ms: Date.now() - started },
      'feed read',
    );
    this.options.onFetch('fetched');
    return items;
  }
}

/** The `max` newest items (undated ones count as oldest), in the feed's order; all of them if fewer. */
export function newest<T extends { publishedAt?: Date }>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const time = (i: T) => i.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const keep = new Set(
    items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => time(b.item) - time(a.item) || a.index - b.index)
      .slice(0, max)
      .map((x) => x.item),
  );
  return items.filter((i) => keep.has(i));
}

type SourceErrorCode = ConstructorParameters<typeof SourceError>[0];

class EmptyFeed extends Error {}

function describe(error: unknown): { code: SourceErrorCode; problem: string } {
  if (error instanceof EmptyFeed) return { code: 'SOURCE_EMPTY', problem: error.message };
  if (error instanceof FeedParseError) return { code: 'SOURCE_MALFORMED', problem: error.message };
  if (error instanceof FetchError) {
    const code =
      error.kind === 'too-large' || error.kind === 'content'
        ? 'SOURCE_MALFORMED'
        : error.kind === 'http'
          ? 'SOURCE_UNREADABLE'
          : 'SOURCE_NETWORK';
    return { code, problem: error.message };
  }
  return { code: 'SOURCE_UNREADABLE', problem: error instanceof Error ? error.message : String(error) };
}
