/**
 * "Same article" by link: scheme, `www.`, fragment, trailing slash, tracking parameters and parameter
 * order don't matter.
 */

// Parameters that only say where a click came from; they make one article look like many.
export const TRACKING_PARAM =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|ocid|cmpid|cmp|at_medium|at_campaign|at_custom\d*|ns_\w+|xtor|smid|taid|_ga|igshid|yclid|ito|ref)$/i;

/** The link without tracking parameters (absolute http(s) only), or undefined when it is not one. */
export function withoutTracking(raw: string, base?: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  for (const name of [...url.searchParams.keys()])
    if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
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
