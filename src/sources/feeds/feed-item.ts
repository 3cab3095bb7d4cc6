/** One item of one feed, normalised; the unit that identity, clustering and lead choice work on. */

/** The feed an item came from, as configured and as named. */
export interface FeedRef {
  url: string;
  name: string;
  /** True when the operator named the feed: that name is then the outlet. */
  named?: boolean;
  /** The site the feed belongs to (its `<link>`), when it says. */
  site?: string;
  weight: number;
  category?: string;
}

export interface FeedItem {
  feed: FeedRef;
  /** The feed's own id for the item (RSS guid, Atom id), if any. */
  guid?: string;
  /** Absolute article link without tracking parameters, if any. */
  link?: string;
  title: string;
  /** When the feed says the item was published (or updated, if that is all it gives). */
  publishedAt?: Date;
  /** The feed's description and full content, as HTML, for when the article itself can't be read. */
  summary?: string;
  content?: string;
}
