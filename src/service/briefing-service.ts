/**
 * Keeps the current briefing in memory. News is loaded once, then refreshed on an interval in the
 * background, so commands answer from cache at once. A failed refresh keeps the last good news and
 * reports how old it is; only a first load that fails reaches the user as an error.
 */
import { buildBriefing } from '../core/briefing.ts';
import type { Categorizer } from '../core/categorizer.ts';
import { userMessage } from '../core/errors.ts';
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
}

export class BriefingService implements BriefingProvider {
  #news?: { news: News; loadedAt: Date };
  #lastError?: { at: Date; message: string; error: unknown };
  #loading?: Promise<void>;
  #timer?: NodeJS.Timeout;
  readonly #built = new Map<number, Briefing>();

  constructor(private readonly options: BriefingServiceOptions) {}

  async get(request: { sentences?: number } = {}): Promise<BriefingResult> {
    if (!this.#news) await this.refresh({ throwOnError: true });
    const cached = this.#news;
    if (!cached) throw new Error('unreachable: refresh succeeded without news');
    const sentences = request.sentences ?? this.options.sentences ?? 3;
    let briefing = this.#built.get(sentences);
    if (!briefing) {
      briefing = buildBriefing(cached.news, {
        source: this.options.source.name,
        categorizer: this.options.categorizer,
        taxonomy: this.options.taxonomy,
        sentences,
        now: cached.loadedAt,
      });
      this.#built.set(sentences, briefing);
    }
    const stale =
      this.#lastError && this.#lastError.at > cached.loadedAt
        ? { since: cached.loadedAt, error: this.#lastError.message }
        : undefined;
    return stale ? { briefing, stale } : { briefing };
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

  #throwIfNoNews(): void {
    if (!this.#news && this.#lastError) throw this.#lastError.error;
  }

  async #load(callerReports: boolean): Promise<void> {
    const now = this.options.now ?? (() => new Date());
    const started = Date.now();
    try {
      const news = await this.options.source.load();
      this.#news = { news, loadedAt: now() };
      this.#built.clear();
      this.#lastError = undefined;
      this.options.logger.info(
        { source: this.options.source.name, headlines: news.headlines.length, ms: Date.now() - started },
        'news loaded',
      );
    } catch (error) {
      this.#lastError = { at: now(), message: userMessage(error), error };
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
