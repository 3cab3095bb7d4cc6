/**
 * Feed links arrive HTML-escaped (`?a=1&amp;b=2`) and loaded with tracking parameters
 * (`utm_source=rss`, `at_medium=RSS`, `fbclid=…`). `cleanUrl` gives the link a reader should follow and
 * two feeds of one article share: entities decoded, tracking removed, everything else kept as it was.
 * Pure; used by the renderers for every link and available to the sources for identity matching.
 */
import { decodeHTML } from 'entities';

/** Parameter names that only identify a campaign, a click or a newsletter, never the page. */
const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'gbraid',
  'wbraid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'taid',
  '_ga',
  'mc_cid',
  'mc_eid',
  'cmpid',
  'cmp',
  'ocid',
  'ito',
  'xtor',
  'smid',
  'ncid',
  'sr_share',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'wt.mc_id',
  'wt_mc',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'spm',
  'ref_src',
  'ref_url',
]);

/** Prefixes of tracking families: Google Analytics (utm_), AT Internet (at_), Matomo/Piwik, HubSpot ads, comScore (ns_). */
const TRACKING_PREFIXES = ['utm_', 'at_', 'pk_', 'mtm_', 'hsa_', 'ns_'];

/** Parameters that are tracking only when they say the click came from a feed (`ref=rss`). */
const FEED_REFERRER_NAMES = new Set(['ref', 'source', 'src', 'from', 'partner', 'feed']);
const FEED_VALUE = /^(?:rss|atom|feed|rssfeed|rss_feed|feedburner)\b/i;

/** True when the query parameter `name=value` is tracking, not part of the page's address. */
export function isTrackingParam(name: string, value = ''): boolean {
  const key = safeDecode(name).toLowerCase();
  if (TRACKING_NAMES.has(key)) return true;
  if (TRACKING_PREFIXES.some((p) => key.startsWith(p))) return true;
  return FEED_REFERRER_NAMES.has(key) && FEED_VALUE.test(safeDecode(value));
}

/**
 * The link without HTML entities and tracking parameters. Other parameters keep their order and
 * spelling; a fragment made only of tracking (`#xtor=RSS-8`) goes too. Anything that is not an
 * http(s) URL is returned decoded and trimmed, otherwise unchanged.
 *
 * @example cleanUrl('https://ex.com/a?id=7&amp;utm_source=rss&amp;ref=rss') // 'https://ex.com/a?id=7'
 */
export function cleanUrl(raw: string): string {
  const decoded = decodeEntities(raw.trim());
  let url: URL;
  try {
    url = new URL(decoded);
  } catch {
    return decoded;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return decoded;
  url.search = keptPairs(url.search.slice(1)).join('&');
  const hash = url.hash.slice(1);
  if (hash.includes('=') && keptPairs(hash).length === 0) url.hash = '';
  return url.href;
}

/** The `name=value` pairs of a query string that are not tracking, raw (not re-encoded). */
function keptPairs(query: string): string[] {
  return query.split('&').filter((pair) => {
    if (pair === '') return false;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    return !isTrackingParam(name, value);
  });
}

/** Decodes until stable: feeds double-escape (`&amp;amp;`). Bounded, so hostile input cannot loop. */
function decodeEntities(text: string): string {
  let out = text;
  for (let i = 0; i < 3 && out.includes('&'); i++) {
    const next = decodeHTML(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
