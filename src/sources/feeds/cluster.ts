/**
 * Groups the day's items into stories across feeds: items that are the same story by identity (one
 * StoryRecord) always go together, then stories whose headlines mostly share their content words
 * (the same measure the briefing builder uses) are merged. An inverted index on terms keeps this near
 * linear for a thousand items.
 */
import { headlineTerms, SAME_STORY_THRESHOLD, termSimilarity } from '../../core/headline-dedupe.ts';
import type { FeedItem, FeedRef } from './feed-item.ts';
import type { StoryRecord } from './story-registry.ts';

export interface DatedItem {
  item: FeedItem;
  record: StoryRecord;
  /** The date the item is ordered by (its story's first date). */
  date: Date;
}

export interface StoryCluster {
  items: DatedItem[];
  /** Distinct feeds carrying the story, heaviest first. */
  feeds: FeedRef[];
  /** Sum of those feeds' weights. */
  weight: number;
  /** The newest date among the items (dates feeds gave, when any did). */
  newest: Date;
  /** Whether any feed dated the story; undated stories only have the time Briefer first saw them. */
  dated: boolean;
  /** The item that speaks for the story: from the heaviest feed, then the newest. */
  lead: DatedItem;
}

export function clusterStories(
  items: readonly DatedItem[],
  threshold = SAME_STORY_THRESHOLD,
): StoryCluster[] {
  // 1. Identity: one group per story record.
  const byRecord = new Map<number, DatedItem[]>();
  for (const d of items) {
    const group = byRecord.get(d.record.id);
    if (group) group.push(d);
    else byRecord.set(d.record.id, [d]);
  }
  // Heaviest and newest first, so greedy merging is deterministic and seeds clusters with good titles.
  const groups = [...byRecord.values()].map((g) => ({ items: g, top: pickLead(g) }));
  groups.sort((a, b) => compareLead(a.top, b.top));

  // 2. Similarity: merge a group into the first cluster holding a headline close enough to one of its own.
  const clusters: Array<{ items: DatedItem[]; terms: Array<Set<string>> }> = [];
  const index = new Map<string, Set<number>>();
  for (const group of groups) {
    const termSets = [...new Set(group.items.map((d) => d.item.title))].map(headlineTerms);
    const candidates = new Set<number>();
    for (const terms of termSets)
      for (const t of terms) for (const c of index.get(t) ?? []) candidates.add(c);
    let target: number | undefined;
    for (const c of [...candidates].sort((a, b) => a - b)) {
      const cluster = clusters[c];
      if (cluster && termSets.some((a) => cluster.terms.some((b) => termSimilarity(a, b) >= threshold))) {
        target = c;
        break;
      }
    }
    if (target === undefined) {
      target = clusters.length;
      clusters.push({ items: [], terms: [] });
    }
    const cluster = clusters[target];
    if (!cluster) continue;
    cluster.items.push(...group.items);
    cluster.terms.push(...termSets);
    for (const terms of termSets)
      for (const t of terms) {
        const set = index.get(t);
        if (set) set.add(target);
        else index.set(t, new Set([target]));
      }
  }
  return clusters.map((c) => summarise(c.items));
}

function summarise(items: DatedItem[]): StoryCluster {
  const feeds = new Map<string, FeedRef>();
  for (const d of items) if (!feeds.has(d.item.feed.url)) feeds.set(d.item.feed.url, d.item.feed);
  const sortedFeeds = [...feeds.values()].sort((a, b) => b.weight - a.weight);
  const withDates = items.filter((d) => d.record.earliestDate);
  const pool = withDates.length ? withDates : items;
  const newest = new Date(Math.max(...pool.map((d) => d.date.getTime())));
  return {
    items,
    feeds: sortedFeeds,
    weight: sortedFeeds.reduce((sum, f) => sum + f.weight, 0),
    newest,
    dated: withDates.length > 0,
    lead: pickLead(items),
  };
}

function pickLead(items: DatedItem[]): DatedItem {
  const sorted = [...items].sort(compareLead);
  const first = sorted[0];
  if (!first) throw new Error('unreachable: empty story');
  return first;
}

function compareLead(a: DatedItem, b: DatedItem): number {
  return (
    b.item.feed.weight - a.item.feed.weight ||
    Number(Boolean(b.item.link)) - Number(Boolean(a.item.link)) ||
    itemTime(b) - itemTime(a) ||
    a.item.title.localeCompare(b.item.title)
  );
}

// The item's own date decides which version speaks for a story; the story's date decides its place.
function itemTime(d: DatedItem): number {
  return (d.item.publishedAt ?? d.date).getTime();
}
