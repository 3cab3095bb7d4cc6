/**
 * Two orders over the day's stories (coverage = outlets, not feeds). Headlines: most-covered first, then newest, then heaviest feeds.
 * Lead candidates: most-covered first, ties broken by feed weight, then recency. A story no feed dated
 * can't claim to be newest, so it comes after dated ones with the same coverage.
 */
import type { StoryCluster } from './cluster.ts';

export function byCoverageThenRecency(a: StoryCluster, b: StoryCluster): number {
  return (
    b.outlets.length - a.outlets.length ||
    Number(b.dated) - Number(a.dated) ||
    b.newest.getTime() - a.newest.getTime() ||
    b.weight - a.weight ||
    a.lead.item.title.localeCompare(b.lead.item.title)
  );
}

export function byCoverageThenWeight(a: StoryCluster, b: StoryCluster): number {
  return (
    b.outlets.length - a.outlets.length ||
    b.weight - a.weight ||
    Number(b.dated) - Number(a.dated) ||
    b.newest.getTime() - a.newest.getTime() ||
    a.lead.item.title.localeCompare(b.lead.item.title)
  );
}
