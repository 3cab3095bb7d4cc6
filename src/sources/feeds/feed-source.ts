/**
 * News from RSS/Atom/RDF feeds: a NewsSource that reads every feed (a few at a time), keeps each feed's
 * last good result, groups the last day's items into stories across feeds, picks the most-covered story
 * as the lead (with its article text) and lists the rest as headlines, each once with all its sources.
 *
 * One failing feed is logged and the briefing builds from the rest; only when no feed has anything
 * does `load` throw, with a SourceError naming the feeds and why.
 */
import { basename } from 'node:path';
import { cleanInline } from '../../core/clean-text.ts';
import { SourceError } from '../../core/errors.ts';
import { HeadlineSchema, type News, StorySchema } from '../../core/schemas.ts';
import type { NewsSource } from '../source.ts';
import { describeZodError } from '../zod-problem.ts';
import { ArticleFetcher } from './article-fetcher.ts';
import { clusterStoriesInSlices, type DatedItem, type StoryCluster } from './cluster.ts';
import { FeedReader, type FeedStatus, newest } from './feed-reader.ts';
import type { FeedSpec } from './feed-spec.ts';
import { readFeedsFile } from './feeds-file.ts';
import { chooseLead, outletList } from './lead.ts';
import { mapLimit } from './map-limit.ts';
import { type FeedOptions, withDefaults } from './options.ts';
import { byCoverageThenRecency, byCoverageThenWeight } from './rank.ts';
import { StoryRegistry } from './story-registry.ts';

/** Where the list of feeds comes from: given once, or a feeds file / OPML re-read on every load. */
export type FeedList = { kind: 'urls'; feeds: FeedSpec[] } | { kind: 'file'; path: string };

type SourceErrorCode = ConstructorParameters<typeof SourceError>[0];

// Stories not seen for this long after leaving the window are forgotten.
const REGISTRY_GRACE_MS = 48 * 3600_000;

export class FeedSource implements NewsSource {
  readonly #options: FeedOptions;
  readonly #readers = new Map<string, FeedReader>();
  readonly #registry = new StoryRegistry();
  readonly #articles: ArticleFetcher;
  #specs?: FeedSpec[];

  constructor(
    private readonly list: FeedList,
    options: Partial<FeedOptions> = {},
  ) {
    this.#options = withDefaults(options);
    this.#articles = new ArticleFetcher(this.#options);
    if (list.kind === 'urls') this.#specs = list.feeds;
  }

  get name(): string {
    const n = this.#specs?.length;
    if (this.list.kind === 'file') {
      const file = basename(this.list.path);
      return n === undefined ? file : `${plural(n)} (${file})`;
    }
    const only = this.list.feeds.length === 1 ? this.list.feeds[0] : undefined;
    if (only) return this.#readers.get(only.url)?.name ?? only.name ?? new URL(only.url).host;
    return plural(this.list.feeds.length);
  }

  /** Per-feed health: last success, last error, cached items. For `/status`. */
  status(): FeedStatus[] {
    return [...this.#readers.values()].map((r) => r.status());
  }

  async load(options: { signal?: AbortSignal } = {}): Promise<News> {
    const started = Date.now();
    const { logger, concurrency, headlineHours } = this.#options;
    const readers = this.#syncReaders(await this.#feedSpecs());
    const results = await mapLimit(readers, concurrency, (r) => r.read(options.signal));
    const failures = results.flatMap((r) => (r.error ? [r.error] : []));
    const items = results.flatMap((r) => r.items);
    if (items.length === 0) throw this.#nothingRead(failures);
    if (failures.length)
      logger.warn(
        {
          failed: failures.length,
          feeds: readers.length,
          reasons: failures.slice(0, 5).map((e) => e.message),
        },
        'some feeds failed; building the briefing from the rest',
      );

    const now = this.#options.now();
    const since = now.getTime() - headlineHours * 3600_000;
    const dated: DatedItem[] = items.map((item) => {
      const record = this.#registry.identify(item, now);
      // A feed with a wrong clock or time zone must not keep its items on top forever.
      const date = new Date(Math.min(StoryRegistry.dateOf(record).getTime(), now.getTime()));
      return { item, record, date };
    });
    this.#registry.prune(new Date(since - REGISTRY_GRACE_MS));
    const inWindow = dated.filter((d) => d.date.getTime() >= since);
    const recent = newest(
      inWindow.map((d) => ({ ...d, publishedAt: d.date })),
      this.#options.maxItems,
    );
    if (recent.length < inWindow.length)
      logger.info(
        { items: inWindow.length, kept: recent.length },
        'more items than BRIEFER_MAX_ITEMS; kept the newest',
      );
    if (recent.length === 0)
      throw new SourceError(
        'SOURCE_EMPTY',
        this.name,
        `no items from the last ${headlineHours} hours in ${plural(readers.length)} (${items.length} older items)`,
      );

    // Thousands of items: clustered in slices, so chat commands keep answering during a refresh.
    const clusters = await clusterStoriesInSlices(recent);
    const lead = await chooseLead([...clusters].sort(byCoverageThenWeight), {
      article: (url, headline, feedUrl, signal) => this.#articles.fetch(url, headline, feedUrl, signal),
      logger,
      attempts: this.#options.leadAttempts,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const story = StorySchema.safeParse(lead.story);
    if (!story.success)
      throw new SourceError('SOURCE_MALFORMED', this.name, `lead story: ${describeZodError(story.error)}`);

    const headlines = clusters
      .filter((c) => c !== lead.cluster)
      .sort(byCoverageThenRecency)
      .flatMap((c) => {
        const parsed = HeadlineSchema.safeParse(toHeadline(c));
        if (parsed.success) return [parsed.data];
        logger.debug(
          { title: c.lead.item.title, reason: describeZodError(parsed.error) },
          'headline dropped',
        );
        return [];
      });

    logger.info(
      {
        source: this.name,
        feeds: readers.length,
        failed: failures.length,
        items: items.length,
        recent: recent.length,
        stories: clusters.length,
        lead: lead.story.title,
        leadText: lead.from,
        ms: Date.now() - started,
      },
      'feeds read',
    );
    return { story: story.data, headlines };
  }

  async #feedSpecs(): Promise<FeedSpec[]> {
    if (this.list.kind === 'urls') return this.list.feeds;
    try {
      const file = await readFeedsFile(this.list.path, this.#options.maxBytes);
      for (const reason of file.skipped)
        this.#options.logger.warn({ file: this.list.path, reason }, 'feed skipped');
      this.#specs = file.feeds;
      return file.feeds;
    } catch (error) {
      if (!this.#specs) throw error;
      this.#options.logger.warn(
        { file: this.list.path, reason: (error as Error).message },
        'feeds file unreadable; using the feeds it listed before',
      );
      return this.#specs;
    }
  }

  /** Keeps one reader per feed URL across loads (their caches); a changed entry starts afresh. */
  #syncReaders(specs: readonly FeedSpec[]): FeedReader[] {
    const wanted = new Set(specs.map((s) => s.url));
    for (const url of this.#readers.keys()) if (!wanted.has(url)) this.#readers.delete(url);
    return specs.map((spec) => {
      const current = this.#readers.get(spec.url);
      if (current && sameSpec(current.spec, spec)) return current;
      const reader = new FeedReader(spec, this.#options);
      this.#readers.set(spec.url, reader);
      return reader;
    });
  }

  #nothingRead(failures: SourceError[]): SourceError {
    if (failures.length === 0) return new SourceError('SOURCE_EMPTY', this.name, 'no feed has any items');
    const shown = failures.slice(0, 3).map((e) => e.message);
    if (failures.length > 3) shown.push(`and ${failures.length - 3} more`);
    const codes = new Set(failures.map((e) => e.code));
    // One shared reason keeps its code; a mix of reasons is reported as a network problem.
    const code = codes.size === 1 ? (failures[0]?.code as SourceErrorCode) : 'SOURCE_NETWORK';
    const what = failures.length === 1 ? 'the feed could not be read' : 'no feed could be read';
    return new SourceError(code, this.name, `${what}: ${shown.join('; ')}`);
  }
}

function toHeadline(cluster: StoryCluster) {
  const { item } = cluster.lead;
  const summary = item.summary ? cleanInline(item.summary) : '';
  return {
    title: item.title,
    url: item.link,
    source: cluster.outlets[0]?.name ?? item.feed.name,
    // A headline's age is its newest item's: a story still being reported is fresh.
    publishedAt: cluster.dated ? cluster.newest : undefined,
    ...(summary ? { summary: summary.slice(0, 1000) } : {}),
    outlets: outletList(cluster),
    ...categoryHint(cluster),
  };
}

/** The category most of the story's feeds are configured with, if any. */
function categoryHint(cluster: StoryCluster): { categoryHint?: string } {
  const counts = new Map<string, number>();
  for (const f of [cluster.lead.item.feed, ...cluster.feeds]) {
    if (f.category) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { categoryHint: best[0] } : {};
}

function sameSpec(a: FeedSpec, b: FeedSpec): boolean {
  return a.url === b.url && a.name === b.name && a.weight === b.weight && a.category === b.category;
}

function plural(n: number): string {
  return n === 1 ? '1 feed' : `${n} feeds`;
}
