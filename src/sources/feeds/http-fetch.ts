/**
 * One polite, bounded HTTP GET: an identifying User-Agent, one deadline for the whole exchange
 * (redirects and body included), redirects followed by hand so loops are named, the body streamed and
 * cut off past a byte cap (Content-Length is only a hint), and conditional GET from earlier validators.
 * Every hop obeys the fetch policy (fetch-policy.ts): only trusted origins may be private addresses.
 */
import { fetch, type Response } from 'undici';
import { formatBytes } from '../read-file.ts';
import { describeNetworkError, FetchError, formatMs } from './fetch-error.ts';
import { dispatcherFor, type FetchPolicy, refusalIn } from './fetch-policy.ts';

/** What a server gave us to ask "has it changed?" next time. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  accept: string;
  validators?: Validators;
  /** Cancels the request from outside (e.g. shutdown). */
  signal?: AbortSignal;
  maxRedirects?: number;
  /** Where the fetch may go; by default every hop must be a public address. */
  policy?: FetchPolicy;
}

export type FetchResult =
  | { status: 'not-modified'; url: string }
  | { status: 'ok'; url: string; contentType: string; bytes: Uint8Array; validators: Validators };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_MAX_REDIRECTS = 5;

export async function fetchBytes(url: string, options: FetchOptions): Promise<FetchResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    return await follow(url, options, signal);
  } catch (error) {
    if (timeout.aborted) throw new FetchError('timeout', `timed out after ${formatMs(options.timeoutMs)}`);
    if (options.signal?.aborted) throw new FetchError('aborted', 'cancelled');
    if (error instanceof FetchError) throw error;
    const refused = refusalIn(error);
    if (refused) throw new FetchError('refused', `refused by the fetch policy: ${refused.message}`);
    throw new FetchError('network', describeNetworkError(error), { cause: error });
  }
}

async function follow(url: string, options: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: options.accept };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
  const max = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const visited = [url];
  let current = url;

  for (;;) {
    const dispatcher = dispatcherFor(new URL(current), options.policy ?? {});
    const response = await fetch(current, { headers, redirect: 'manual', signal, dispatcher });
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      if (!location) throw new FetchError('redirect', `HTTP ${response.status} redirect without a Location`);
      const next = new URL(location, current);
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new FetchError('redirect', `redirect to a non-web address (${next.protocol})`);
      if (visited.includes(next.href))
        throw new FetchError(
          'redirect',
          `redirect loop (${[...visited, next.href].map((h) => shortPath(h, url)).join(' → ')})`,
        );
      if (visited.length > max) throw new FetchError('redirect', `too many redirects (more than ${max})`);
      visited.push(next.href);
      current = next.href;
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => {});
      return { status: 'not-modified', url: current };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const text = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new FetchError('http', text, { status: response.status, retryAfterMs });
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw tooLarge(options.maxBytes, declared);
    }
    const bytes = await readCapped(response, options.maxBytes);
    const validators: Validators = {};
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) validators.etag = etag;
    if (lastModified) validators.lastModified = lastModified;
    return {
      status: 'ok',
      url: current,
      contentType: response.headers.get('content-type') ?? '',
      bytes,
      validators,
    };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number, declared?: number): FetchError {
  const size = declared ? `${formatBytes(declared)}, ` : '';
  return new FetchError('too-large', `response too large (${size}over the ${formatBytes(maxBytes)} limit)`);
}

/** A path while on the feed's own site, the whole address once a redirect left it. */
function shortPath(href: string, start: string): string {
  const u = new URL(href);
  return u.origin === new URL(start).origin ? `${u.pathname}${u.search}` : href;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
