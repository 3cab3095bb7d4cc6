/**
 * Turns a `BRIEFER_SOURCE` / `--source` value into a NewsSource:
 * - `sample` (default) → the bundled sample;
 * - `https://…[, https://…]` → those RSS/Atom/RDF feeds;
 * - a feeds file (`{"feeds": […]}` or `[…]` JSON, or an OPML export) → the feeds it lists;
 * - any other file → a news file (`.json` news or digest text).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { FeedSource } from './feeds/feed-source.ts';
import { looksLikeUrlList, parseFeedUrls } from './feeds/feed-spec.ts';
import { looksLikeFeedsFile } from './feeds/feeds-file.ts';
import type { FeedOptions, SourceLogger } from './feeds/options.ts';
import { FileSource } from './file-source.ts';
import { sampleSource } from './sample.ts';
import type { NewsSource } from './source.ts';

export interface SourceOptions {
  /** Largest file or response accepted, in bytes. */
  maxBytes?: number;
  /** Deadline for each HTTP request (feeds and articles). */
  timeoutMs?: number;
  /** Feed items older than this many hours are not news. */
  headlineHours?: number;
  /** Identifies Briefer to feed servers. */
  userAgent?: string;
  /** Items kept per feed and per briefing (the newest). */
  maxFeedItems?: number;
  maxItems?: number;
  /** Article links and redirects may reach private addresses (BRIEFER_FETCH_ALLOW_PRIVATE). */
  allowPrivateAddresses?: boolean;
  logger?: SourceLogger;
  now?: () => Date;
  onFetch?: FeedOptions['onFetch'];
}

export function resolveSource(spec: string | undefined, options: SourceOptions = {}): NewsSource {
  const value = (spec ?? '').trim();
  if (value === '' || value.toLowerCase() === 'sample') return sampleSource();
  const feedOptions = {
    maxBytes: options.maxBytes,
    timeoutMs: options.timeoutMs,
    headlineHours: options.headlineHours,
    userAgent: options.userAgent,
    maxFeedItems: options.maxFeedItems,
    maxItems: options.maxItems,
    allowPrivateAddresses: options.allowPrivateAddresses,
    logger: options.logger,
    now: options.now,
    onFetch: options.onFetch,
  };
  if (looksLikeUrlList(value)) {
    try {
      return new FeedSource({ kind: 'urls', feeds: parseFeedUrls(value) }, feedOptions);
    } catch (error) {
      throw new ConfigError(`BRIEFER_SOURCE: ${(error as Error).message}`);
    }
  }
  if (isFeedsFile(value)) return new FeedSource({ kind: 'file', path: value }, feedOptions);
  return new FileSource(value, { maxBytes: options.maxBytes });
}

/** `.opml`, or a file whose beginning is a feeds list. Unreadable files go to FileSource, which names the problem. */
function isFeedsFile(path: string): boolean {
  if (extname(path).toLowerCase() === '.opml') return true;
  let fd: number | undefined;
  try {
    // Only a regular file can be a feeds file; O_NONBLOCK so a FIFO cannot hang the start-up here.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return false;
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    return looksLikeFeedsFile(head.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
