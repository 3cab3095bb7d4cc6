/**
 * Remembers every story seen across loads, so an item that comes back with a new date or an edited
 * title is recognised (by guid, canonical link, then normalised title) and keeps its first date: it is
 * the same story, not a new headline. A title match is refused when guid or link say otherwise, so
 * recurring titles ("Morning briefing") stay separate stories. Bounded twice: stories not seen for a while
 * are pruned, and past `maxStories` the least recently seen are forgotten (a busy feed list must not
 * grow it without limit between prunes).
 */
import type { FeedItem } from './feed-item.ts';
import { linkKey, titleKey } from './normalise.ts';

export interface StoryRecord {
  readonly id: number;
  /** When Briefer first saw the story. */
  readonly firstSeen: Date;
  /** The earliest date any feed gave it. */
  earliestDate?: Date;
  lastSeen: Date;
  /** Feed-scoped guids and canonical links already tied to this story. */
  readonly guids: Set<string>;
  readonly links: Set<string>;
  /** Normalised titles tied to this story. */
  readonly titles: Set<string>;
}

/** Far more than a day of news from a long feed list; a story past this is long gone from briefings. */
export const MAX_STORIES = 20_000;

export class StoryRegistry {
  #nextId = 1;
  readonly #byGuid = new Map<string, StoryRecord>();
  readonly #byLink = new Map<string, StoryRecord>();
  readonly #byTitle = new Map<string, StoryRecord>();
  /** Every record, least recently seen first (re-inserted when seen). */
  readonly #records = new Map<number, StoryRecord>();

  constructor(private readonly maxStories = MAX_STORIES) {}

  /** The story this item belongs to (created on first sight). */
  identify(item: FeedItem, now: Date): StoryRecord {
    const guid = item.guid ? `${item.feed.url}\n${item.guid}` : undefined;
    const link = item.link ? linkKey(item.link) : undefined;
    const title = titleKey(item.title);

    let record = (guid && this.#byGuid.get(guid)) || (link && this.#byLink.get(link)) || undefined;
    if (!record && title) {
      const byTitle = this.#byTitle.get(title);
      if (byTitle && !contradicts(byTitle, item.feed.url, guid, link)) record = byTitle;
    }
    if (!record) {
      record = {
        id: this.#nextId++,
        firstSeen: now,
        lastSeen: now,
        guids: new Set(),
        links: new Set(),
        titles: new Set(),
      };
    }
    record.lastSeen = now;
    this.#records.delete(record.id);
    this.#records.set(record.id, record);
    if (item.publishedAt && (!record.earliestDate || item.publishedAt < record.earliestDate))
      record.earliestDate = item.publishedAt;
    if (guid) {
      record.guids.add(guid);
      this.#byGuid.set(guid, record);
    }
    if (link) {
      record.links.add(link);
      this.#byLink.set(link, record);
    }
    if (title) {
      record.titles.add(title);
      this.#byTitle.set(title, record);
    }
    while (this.#records.size > this.maxStories) {
      const oldest = this.#records.values().next().value as StoryRecord;
      this.#forget(oldest);
    }
    return record;
  }

  /** The date a story is ordered and windowed by: its earliest known date, else when it was first seen. */
  static dateOf(record: StoryRecord): Date {
    return record.earliestDate ?? record.firstSeen;
  }

  /** Forgets stories not seen since `before`, so memory stays bounded in a long-running bot. */
  prune(before: Date): void {
    for (const r of [...this.#records.values()]) {
      // Least recently seen first: the first one seen since `before` ends the pass.
      if (r.lastSeen >= before) break;
      this.#forget(r);
    }
  }

  get size(): number {
    return this.#records.size;
  }

  #forget(record: StoryRecord): void {
    this.#records.delete(record.id);
    for (const [keys, map] of [
      [record.guids, this.#byGuid],
      [record.links, this.#byLink],
      [record.titles, this.#byTitle],
    ] as const)
      for (const key of keys) if (map.get(key) === record) map.delete(key);
  }
}

function contradicts(record: StoryRecord, feedUrl: string, guid?: string, link?: string): boolean {
  const prefix = `${feedUrl}\n`;
  if (guid && [...record.guids].some((g) => g.startsWith(prefix) && g !== guid)) return true;
  if (link && record.links.size > 0 && !record.links.has(link)) return true;
  return false;
}
