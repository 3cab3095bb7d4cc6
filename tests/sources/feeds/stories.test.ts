import { describe, expect, it } from 'vitest';
import { clusterStories, type DatedItem } from '../../../src/sources/feeds/cluster.ts';
import type { FeedItem, FeedRef } from '../../../src/sources/feeds/feed-item.ts';
import { byCoverageThenRecency, byCoverageThenWeight } from '../../../src/sources/feeds/rank.ts';
import { StoryRegistry } from '../../../src/sources/feeds/story-registry.ts';

const feedA: FeedRef = { url: 'https://a.example/rss', name: 'Alpha', weight: 1 };
const feedB: FeedRef = { url: 'https://b.example/rss', name: 'Beta', weight: 2 };
const feedC: FeedRef = { url: 'https://c.example/rss', name: 'Gamma', weight: 1 };
const at = (hour: number) => new Date(Date.UTC(2026, 10, 24, hour));

function item(feed: FeedRef, title: string, extra: Partial<FeedItem> = {}): FeedItem {
  return { feed, title, ...extra };
}

describe('StoryRegistry', () => {
  it('recognises a re-dated item by guid and keeps its first date', () => {
    const registry = new StoryRegistry();
    const first = registry.identify(
      item(feedA, 'Council keeps ferry subsidy', { guid: 'g1', publishedAt: at(9) }),
      at(10),
    );
    const again = registry.identify(
      item(feedA, 'Council keeps ferry subsidy for two more years', { guid: 'g1', publishedAt: at(11) }),
      at(12),
    );
    expect(again).toBe(first);
    expect(StoryRegistry.dateOf(again).toISOString()).toBe(at(9).toISOString());
  });

  it('recognises an item by canonical link, across feeds and tracking parameters', () => {
    const registry = new StoryRegistry();
    const a = registry.identify(
      item(feedA, 'Storm closes coast road', { link: 'https://news.example/storm?utm_source=x' }),
      at(9),
    );
    const b = registry.identify(
      item(feedB, 'Coast road shut by storm', { link: 'http://www.news.example/storm/#top' }),
      at(9),
    );
    expect(b).toBe(a);
  });

  it('recognises an item by normalised title when it has no guid or link', () => {
    const registry = new StoryRegistry();
    const a = registry.identify(item(feedA, 'Winter market returns'), at(9));
    const b = registry.identify(item(feedA, '“Winter Market” returns!', { publishedAt: at(11) }), at(11));
    expect(b).toBe(a);
    expect(StoryRegistry.dateOf(b).toISOString()).toBe(at(11).toISOString());
  });

  it('keeps recurring titles with different guids apart', () => {
    const registry = new StoryRegistry();
    const monday = registry.identify(item(feedA, 'Morning briefing', { guid: 'mon' }), at(6));
    const tuesday = registry.identify(item(feedA, 'Morning briefing', { guid: 'tue' }), at(6));
    expect(tuesday).not.toBe(monday);
  });

  it('dates an undated story by when it was first seen, and forgets old stories', () => {
    const registry = new StoryRegistry();
    const r = registry.identify(item(feedA, 'Library extends hours'), at(8));
    registry.identify(item(feedA, 'Library extends hours'), at(10));
    expect(StoryRegistry.dateOf(r).toISOString()).toBe(at(8).toISOString());
    registry.prune(at(11));
    expect(registry.size).toBe(0);
  });
});

function dated(items: FeedItem[], now = at(12)): DatedItem[] {
  const registry = new StoryRegistry();
  return items.map((i) => {
    const record = registry.identify(i, now);
    return { item: i, record, date: StoryRegistry.dateOf(record) };
  });
}

describe('clusterStories', () => {
  it('groups differently worded headlines of one story across feeds', () => {
    const clusters = clusterStories(
      dated([
        item(feedA, 'Tidal power plant in Port Alder starts supplying 40,000 homes', { publishedAt: at(9) }),
        item(feedB, 'Port Alder tidal power plant starts supplying 40,000 homes', { publishedAt: at(10) }),
        item(feedC, "Port Alder's tidal power plant begins supplying 40,000 homes - Gamma", {
          publishedAt: at(8),
        }),
        item(feedA, 'Ferry strike halts crossings to Gull Island', { publishedAt: at(11) }),
      ]),
    );
    expect(clusters).toHaveLength(2);
    const tidal = clusters.find((c) => c.items.length === 3);
    expect(tidal?.feeds.map((f) => f.name)).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(tidal?.weight).toBe(4);
    expect(tidal?.newest.toISOString()).toBe(at(10).toISOString());
    // The heaviest feed speaks for the story.
    expect(tidal?.lead.item.feed.name).toBe('Beta');
  });

  it('does not merge different stories that share a place name', () => {
    // Told among a day's other news (word rarity is measured over the day), with their descriptions.
    const others = [
      'Striker scores twice as City win the derby',
      'Storm cuts power to thousands along the coast',
      'Teachers strike over pay enters second week',
      'Museum returns looted statues to their temple',
      'Rail operator orders 40 new trains',
      'Court blocks sale of the national airline',
    ].map((t) => item(feedC, t));
    const clusters = clusterStories(
      dated([
        item(feedA, 'Port Alder council approves new harbour budget', {
          summary: 'Councillors voted 9-2 to spend £4m on dredging and new moorings over three years.',
        }),
        item(feedB, 'Port Alder tidal power plant starts supplying homes', {
          summary: 'The turbines in the estuary now feed the grid, enough for 40,000 households.',
        }),
        ...others,
      ]),
    );
    expect(clusters).toHaveLength(8);
  });

  it('counts outlets, not feeds: two feeds of one site are one outlet; a named feed is its own', () => {
    const world: FeedRef = {
      url: 'https://feeds.wire.example.co.uk/world.rss',
      name: 'Wire World',
      weight: 1,
    };
    const video: FeedRef = { url: 'https://video.example/wire.xml', name: 'Wire Video', weight: 3 };
    const named: FeedRef = { url: 'https://x.example/rss', name: 'The Gazette', named: true, weight: 1 };
    const [cluster] = clusterStories(
      dated([
        item(world, 'Ferry strike halts crossings to Gull Island', { link: 'https://wire.example.co.uk/a' }),
        item(video, 'Ferry strike halts crossings to Gull Island (video)', {
          link: 'https://www.wire.example.co.uk/v/1',
        }),
        item(named, 'Ferry strike halts Gull Island crossings', { link: 'https://wire.example.co.uk/b' }),
      ]),
    );
    expect(cluster?.items).toHaveLength(3);
    expect(cluster?.feeds).toHaveLength(3);
    // The heaviest feed speaks for the story, and its outlet comes first, with its own link.
    expect(cluster?.outlets.map((o) => [o.name, o.url])).toEqual([
      ['Wire Video', 'https://www.wire.example.co.uk/v/1'],
      ['The Gazette', 'https://wire.example.co.uk/b'],
    ]);
  });

  it('counts a feed once even when it carries the story twice', () => {
    const [cluster] = clusterStories(
      dated([
        item(feedA, 'Ferry strike halts crossings to Gull Island', { guid: '1' }),
        item(feedA, 'Strike halts Gull Island ferry crossings', { guid: '2' }),
      ]),
    );
    expect(cluster?.feeds).toHaveLength(1);
  });
});

describe('ranking', () => {
  const stories = clusterStories(
    dated([
      item(feedA, 'Ferry strike halts crossings to Gull Island', { publishedAt: at(8) }),
      item(feedC, 'Strike halts Gull Island ferry crossings', { publishedAt: at(8) }),
      item(feedB, 'Orchard growers report record apple harvest', { publishedAt: at(9) }),
      item(feedA, 'Orchard growers report a record apple harvest', { publishedAt: at(9) }),
      item(feedA, 'Regional rail timetable changes from Sunday', { publishedAt: at(11) }),
      item(feedA, 'Winter market returns to the village green'),
    ]),
  );
  const titles = (order: typeof byCoverageThenWeight) =>
    [...stories].sort(order).map((c) => c.lead.item.title);

  it('puts the most-covered stories first, then the newest; undated after dated', () => {
    expect(titles(byCoverageThenRecency)).toEqual([
      'Orchard growers report record apple harvest',
      'Ferry strike halts crossings to Gull Island',
      'Regional rail timetable changes from Sunday',
      'Winter market returns to the village green',
    ]);
  });

  it('breaks coverage ties for the lead by feed weight before recency', () => {
    expect(titles(byCoverageThenWeight).slice(0, 2)).toEqual([
      'Orchard growers report record apple harvest',
      'Ferry strike halts crossings to Gull Island',
    ]);
  });
});
