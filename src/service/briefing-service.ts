/**
 * Keeps the current briefing in memory. News is loaded once, then refreshed on an interval in the
 * background, so commands answer from cache at once. A failed refresh keeps the last good news and
 * reports how old it is; only a first load that fails reaches the user as an error.
 */
import { buildBriefingInSlices } from '../core/briefing.ts';
import type { Categorizer } from '../core/categorizer.ts';
import { userMessage } from '../core/errors.ts';
import { type ModelSummary, type PromptInput, withModelSummary } from '../core/model-summary.ts';
import type { Briefing, News } from '../core/schemas.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Logger } from '../log.ts';
import type { NewsSource } from '../sources/source.ts';
import type { BriefingProvider, BriefingResult } from './briefing-provider.ts';

export interface BriefingServiceOptions {
  source: NewsSource;
  categorizer: Categorizer;
  taxonomy: Taxonomy;
  logger: Logger;
  /** Default summary length. */
  sentences?: number;
  /** Background refresh period; 0 or undefined = load once. */
  refreshMs?: number;
  now?: () => Date;
  /** Writes the lead's AI summary in the background after each load (docs/ai-summaries.md); unset = none. */
  leadSummarizer?: { summarize(input: PromptInput): Promise<ModelSummary | undefined> };
}

/**
 * While no news has ever loaded, readers retry the load no more often than this, doubling after each
 * failure up to the cap: a feed that is down is not fetched again for every command.
 */
const FIRST_LOAD_RETRY_MS = 5_000;
const FIRST_LOAD_RETRY_MAX_MS = 60_000;

/** Top headlines the model may draw its one-line overview of the day from. */
const OVERVIEW_TITLES = 8;

export class BriefingService implements BriefingProvider {
  #news?: { news: News; loadedAt: Date };
  #lastError?: { at: Date; message: string; error: unknown };
  /** Failed loads since the last good one. */
  #failures = 0;
  #loading?: Promise<void>;
  #timer?: NodeJS.Timeout;
  /** Briefings of the news in use, by summary length; built in slices, shared by concurrent readers. */
  #built = new Map<number, Promise<Briefing>>();
  /** The lead's model summary, for the story text it was written from. */
  #modelSummary?: { story: string; summary: ModelSummary };
  #summarizing: Promise<void> = Promise.resolve();

  constructor(private readonly options: BriefingServiceOptions) {}

  async get(request: { sentences?: number } = {}): Promise<BriefingResult> {
    if (!this.#news) {
      const failed = this.#lastError;
      const wait = Math.min(FIRST_LOAD_RETRY_MAX_MS, FIRST_LOAD_RETRY_MS * 2 ** (this.#failures - 1));
      // The last failure is recent: answer with it rather than fetch again.
      if (failed && this.#now().getTime() - failed.at.getTime() < wait) throw failed.error;
      await this.refresh({ throwOnError: true });
    }
    const cached = this.#news;
    if (!cached) throw new Error('unreachable: refresh succeeded without news');
    const sentences = request.sentences ?? this.options.sentences ?? 3;
    let building = this.#built.get(sentences);
    if (!building) {
      building = this.#build(cached, sentences);
      this.#built.set(sentences, building);
      // A failed build is not kept: the next reader tries again.
      building.catch(() => {
        if (this.#built.get(sentences) === building) this.#built.delete(sentences);
      });
    }
    const briefing = await building;
    const stale =
      this.#lastError && this.#lastError.at > cached.loadedAt
        ? { since: cached.loadedAt, error: this.#lastError.message }
        : undefined;
    return stale ? { briefing, stale } : { briefing };
  }

  async #build(cached: { news: News; loadedAt: Date }, sentences: number): Promise<Briefing> {
    const briefing = await buildBriefingInSlices(cached.news, {
      source: this.options.source.name,
      categorizer: this.options.categorizer,
      taxonomy: this.options.taxonomy,
      sentences,
      now: cached.loadedAt,
    });
    // The model wrote for the default length; another length asked for gets the extractive summary.
    const model = this.#modelSummary;
    return model && sentences === this.#sentences && model.story === storyText(cached.news)
      ? withModelSummary(briefing, model.summary)
      : briefing;
  }

  /** When the news in use was loaded (undefined before the first success): the briefing's age. */
  get loadedAt(): Date | undefined {
    return this.#news?.loadedAt;
  }

  /** Loads the news again. Concurrent callers share one load. */
  refresh(opts: { throwOnError?: boolean } = {}): Promise<void> {
    // A caller that throws the error to the user reports it itself; the log need not say it twice.
    this.#loading ??= this.#load(Boolean(opts.throwOnError)).finally(() => {
      this.#loading = undefined;
    });
    return opts.throwOnError
      ? this.#loading.then(() => this.#throwIfNoNews())
      : this.#loading.catch(() => {});
  }

  /**
   * Resolves once the model summary started by the latest load is settled (written, rejected, failed or
   * timed out: at most BRIEFER_LLM_TIMEOUT_MS). For one-shot commands, which have no later refresh.
   */
  whenSummarized(): Promise<void> {
    return this.#summarizing;
  }

  get #sentences(): number {
    return this.options.sentences ?? 3;
  }

  /** Never blocks a reader: runs after the load, and the briefing is rebuilt when it has an answer. */
  async #summarizeLead(news: News): Promise<void> {
    const summarizer = this.options.leadSummarizer;
    if (!summarizer) return;
    const story = storyText(news);
    if (this.#modelSummary && this.#modelSummary.story !== story) this.#modelSummary = undefined;
    const titles = news.headlines.slice(0, OVERVIEW_TITLES).map((h) => h.title);
    const summary = await summarizer.summarize({ story: news.story, sentences: this.#sentences, titles });
    if (!summary || !this.#news || storyText(this.#news.news) !== story) return;
    this.#modelSummary = { story, summary };
    this.#built = new Map();
  }

  #throwIfNoNews(): void {
    if (!this.#news && this.#lastError) throw this.#lastError.error;
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async #load(callerReports: boolean): Promise<void> {
    const now = () => this.#now();
    const started = Date.now();
    try {
      const news = await this.options.source.load();
      const loaded = { news, loadedAt: now() };
      // The default briefing is built before the new news is put in use: readers keep getting the last
      // briefing meanwhile, the first one after a refresh does not wait, and news that cannot be built
      // into a briefing is a failed refresh that keeps the last good one.
      const built = this.#build(loaded, this.#sentences);
      await built;
      this.#news = loaded;
      this.#built = new Map([[this.#sentences, built]]);
      this.#lastError = undefined;
      this.#failures = 0;
      this.#summarizing = this.#summarizeLead(news).catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'model summary failed; extractive summary shown'),
      );
      this.options.logger.info(
        { source: this.options.source.name, headlines: news.headlines.length, ms: Date.now() - started },
        'news loaded',
      );
    } catch (error) {
      this.#lastError = { at: now(), message: userMessage(error), error };
      this.#failures++;
      const level = callerReports && !this.#news ? 'debug' : 'error';
      this.options.logger[level](
        { err: error, source: this.options.source.name, keptPrevious: Boolean(this.#news) },
        'news refresh failed',
      );
    }
  }

  start(): void {
    const ms = this.options.refreshMs;
    if (!ms || this.#timer) return;
    this.#timer = setInterval(() => void this.refresh(), ms);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** What a model summary was written from: the lead's title and text. */
function storyText(news: News): string {
  return [news.story.url ?? '', news.story.title ?? '', ...news.story.paragraphs].join('\n');
}
