/**
 * Coverage is counted by outlet, not by feed: a site's RSS and its YouTube feed are one outlet. An outlet
 * is the feed's name when the operator gave one, else the registrable domain (public-suffix list, via
 * tldts) of the item's link, else of the feed's site link. Addresses without a registrable domain (an IP,
 * localhost) fall back to the feed's name.
 */
import type * as Tldts from 'tldts';
import type { FeedItem } from './feed-item.ts';
import { lazyRequire } from './lazy-require.ts';

const tldts = lazyRequire<typeof Tldts>('tldts');

/** The key that says "same outlet". */
export function outletKey(item: FeedItem): string {
  const { feed } = item;
  if (feed.named) return `name:${feed.name}`;
  const domain = domainOf(item.link) ?? domainOf(feed.site);
  return domain ? `domain:${domain}` : `name:${feed.name}`;
}

function domainOf(link: string | undefined): string | undefined {
  return link ? (tldts().getDomain(link) ?? undefined) : undefined;
}
