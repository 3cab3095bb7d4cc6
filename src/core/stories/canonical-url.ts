/**
 * "Same article" by link: scheme, `www.`, fragment, trailing slash, tracking parameters and parameter
 * order don't matter. Tracking parameters are the ones `cleanUrl` removes (one list, in clean-url.ts).
 */
import { isTrackingParam } from '../clean-url.ts';

// For identity any `ref` is a referrer label, whatever its value: two links that differ only in it are
// one article. (The links shown to readers keep a `ref` that does not name a feed.)
const isReferrer = (name: string) => name.toLowerCase() === 'ref';

/** The link without tracking parameters (absolute http(s) only), or undefined when it is not one. */
export function withoutTracking(raw: string, base?: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  for (const [name, value] of [...url.searchParams])
    if (isTrackingParam(name, value) || isReferrer(name)) url.searchParams.delete(name, value);
  return url;
}

/** Key for "same article", or undefined when `link` is not an http(s) URL. */
export function canonicalUrl(link: string): string | undefined {
  const url = withoutTracking(link);
  if (!url) return undefined;
  url.hash = '';
  url.searchParams.sort();
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}
