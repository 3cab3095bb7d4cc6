/**
 * The day's feed items as stories: the core story clustering (src/core/stories) over their titles and
 * descriptions, with the story registry's identity (guid, canonical link, title across loads) as must-links.
 * Each story knows its outlets (sites, not feeds: see outlet.ts) and the item that speaks for it.
 */
import { cleanInline } from '../../core/clean-text.ts';
import {
  clusterStories as clusterItems,
  clusterStoriesInSlices as clusterItemsInSlices,
  type StoryItem,
} from '../../core/stories/cluster-stories.ts';
import type { FeedItem, FeedRef } from './feed-item.ts';
import { outletKey } from './outlet.ts';
import type { StoryRecord } from './story-registry.ts';

export interface DatedItem {
  item: FeedItem;
  record: StoryRecord;
  /** The date the item is ordered by (its story's first date). */
  date: Date;
}

export interface StoryOutlet {
  /** What makes two feeds one outlet (configured name or registrable domain). */
  key: string;
  /** Shown name: the heaviest feed's name among this outlet's items. */
  name: string;
  /** This outlet's link to the story. */
  url?: string;
  /** Heaviest weight among this outlet's feeds carrying the story. */
  weight: number;
  /** This outlet's item that speaks for it. */
  item: DatedItem;
}

export interface StoryCluster {
  items: DatedItem[];
  /** Outlets carrying the story, the lead item's first, then heaviest. */
  outlets: StoryOutlet[];
  /** Distinct feeds carrying the story, heaviest first. */
  feeds: FeedRef[];
  /** Sum of the outlets' weights. */
  weight: number;
  /** The newest date among the items (dates feeds gave, when any did). */
  newest: Date;
  /** Whether any feed dated the story; undated stories only have the time Briefer first saw them. */
  dated: boolean;
  /** The item that speaks for the story: from the heaviest feed, then the newest. */
  lead: DatedItem;
}

/** Groups items into stories; deterministic for the same items in the same order. */
export function clusterStories(items: readonly DatedItem[]): StoryCluster[] {
  return toClusters(items, clusterItems(items.map(storyItem)));
}

/** The same, in slices that yield to the event loop, so commands answer while a refresh clusters. */
export async function clusterStoriesInSlices(items: readonly DatedItem[]): Promise<StoryCluster[]> {
  return toClusters(items, await clusterItemsInSlices(items.map(storyItem)));
}

function storyItem({ item, record }: DatedItem): StoryItem {
  const summary = item.summary ? cleanInline(item.summary) : '';
  return {
    title: item.title,
    ...(summary ? { summary } : {}),
    ...(item.link ? { url: item.link } : {}),
    // The registry already knows which items are one story across loads (guid, link, title).
    guid: `record:${record.id}`,
    outlet: outletKey(item),
  };
}

function toClusters(items: readonly DatedItem[], story: readonly number[]): StoryCluster[] {
  const groups: DatedItem[][] = [];
  story.forEach((s, i) => {
    const group = groups[s] ?? [];
    group.push(items[i] as DatedItem);
    groups[s] = group;
  });
  return groups.map(summarise);
}

function summarise(items: DatedItem[]): StoryCluster {
  const feeds = new Map<string, FeedRef>();
  for (const d of items) if (!feeds.has(d.item.feed.url)) feeds.set(d.item.feed.url, d.item.feed);
  const sortedFeeds = [...feeds.values()].sort((a, b) => b.weight - a.weight);
  const withDates = items.filter((d) => d.record.earliestDate);
  const pool = withDates.length ? withDates : items;
  const newest = new Date(Math.max(...pool.map((d) => d.date.getTime())));
  const lead = pickLead(items);
  const outlets = outletsOf(items, lead);
  return {
    items,
    outlets,
    feeds: sortedFeeds,
    weight: outlets.reduce((sum, o) => sum + o.weight, 0),
    newest,
    dated: withDates.length > 0,
    lead,
  };
}

function outletsOf(items: DatedItem[], lead: DatedItem): StoryOutlet[] {
  const byKey = new Map<string, StoryOutlet>();
  // In lead order, so each outlet is spoken for by its heaviest, newest item.
  for (const d of [...items].sort(compareLead)) {
    const key = outletKey(d.item);
    if (byKey.has(key)) continue;
    const o: StoryOutlet = { key, name: d.item.feed.name, weight: d.item.feed.weight, item: d };
    if (d.item.link) o.url = d.item.link;
    byKey.set(key, o);
  }
  const leadKey = outletKey(lead.item);
  return [...byKey.values()].sort((a, b) => Number(b.key === leadKey) - Number(a.key === leadKey));
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
