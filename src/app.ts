/**
 * Composition root: config → logger, taxonomy, categorizer, news source, briefing service, commands.
 * Adapters (console, Discord, Slack) and the digest take what they need from this one object.
 */
import { createCommandRegistry } from '../commands/index.ts';
import { RenderCache } from './adapters/render-cache.ts';
import type { CommandRegistry } from './commands/registry.ts';
import type { CommandContext, Platform } from './commands/types.ts';
import type { Config } from './config.ts';
import { type Categorizer, createCategorizer } from './core/categorizer.ts';
import type { HeadlineLimits } from './core/reply.ts';
import { loadTaxonomy, type Taxonomy } from './core/taxonomy.ts';
import { createLogger, type Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { DigestControl } from './schedule/digest-control.ts';
import { BriefingService } from './service/briefing-service.ts';
import { LeadSummarizer } from './service/lead-summarizer.ts';
import { createOpenAiChat } from './service/openai-chat.ts';
import { resolveSource } from './sources/resolve.ts';
import type { NewsSource } from './sources/source.ts';
import {
  MemoryReplayGuard,
  MemorySummaryCache,
  type ReplayGuard,
  type SummaryCache,
} from './store/shared-state.ts';
import type { Store } from './store/store.ts';

export interface App {
  config: Config;
  logger: Logger;
  taxonomy: Taxonomy;
  categorizer: Categorizer;
  source: NewsSource;
  briefings: BriefingService;
  registry: CommandRegistry;
  /** How many headlines chat and text views show. */
  limits: HeadlineLimits;
  /**
   * Remembers signed requests already handled (Slack replay protection). In memory by default; the
   * store's shared one when several instances must agree.
   */
  replayGuard: ReplayGuard;
  /** Rendered replies, once per briefing version, shared by the front ends. */
  renderCache: RenderCache;
  /** The daily digest, once started (Discord/Slack runs only). */
  digests?: DigestControl;
  /**
   * The store (SQLite file or PostgreSQL), once opened (Discord/Slack runs and `briefer digest`):
   * subscriptions, the digest ledger, and state instances share (`summaryCache`, `replayGuard`).
   */
  store?: Store;
  /** Served at `/metrics` when Briefer serves Discord or Slack; the console and CLI don't load it. */
  metrics?: Metrics;
  /** A per-invocation context for a command. */
  context(platform: Platform, extra?: Pick<CommandContext, 'user' | 'channel'>): CommandContext;
}

export interface AppOverrides {
  logger?: Logger;
  source?: NewsSource;
  now?: () => Date;
  /**
   * Shared state for AI summaries. Default: in memory (one process). The store's SQLite/PostgreSQL
   * implementations plug in here, so restarts and other instances reuse summaries and share the budget.
   */
  summaryCache?: SummaryCache;
  replayGuard?: ReplayGuard;
}

export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const { env } = config;
  const interactive =
    !config.platforms.discordGateway && !config.platforms.discordHttp && !config.platforms.slack;
  const logger = overrides.logger ?? createLogger(env.LOG_LEVEL ?? (interactive ? 'warn' : 'info'));
  const taxonomy = loadTaxonomy(env.BRIEFER_CATEGORIES);
  const categorizer = createCategorizer(taxonomy);
  const source =
    overrides.source ??
    resolveSource(env.BRIEFER_SOURCE, {
      maxBytes: env.BRIEFER_MAX_BYTES,
      timeoutMs: env.BRIEFER_FETCH_TIMEOUT_MS,
      headlineHours: env.BRIEFER_HEADLINE_HOURS,
      userAgent: env.BRIEFER_USER_AGENT,
      maxFeedItems: env.BRIEFER_MAX_FEED_ITEMS,
      maxItems: env.BRIEFER_MAX_ITEMS,
      allowPrivateAddresses: env.BRIEFER_FETCH_ALLOW_PRIVATE,
      logger: logger.child({ component: 'sources' }),
      now: overrides.now,
      onFetch: (outcome) => app.metrics?.feedFetch(outcome),
    });
  // One guard for Slack replays and AI-summary claims and budget: the store's when instances share one.
  const replayGuard = overrides.replayGuard ?? new MemoryReplayGuard();
  const briefings = new BriefingService({
    source,
    categorizer,
    taxonomy,
    logger,
    sentences: env.BRIEFER_SENTENCES,
    refreshMs: env.BRIEFER_REFRESH_MINUTES * 60_000,
    now: overrides.now,
    leadSummarizer: createLeadSummarizer(config, { ...overrides, replayGuard }, logger),
  });
  const registry = createCommandRegistry();
  const limits = { maxPerCategory: env.BRIEFER_MAX_PER_CATEGORY, maxHeadlines: env.BRIEFER_MAX_HEADLINES };
  const app: App = {
    config,
    logger,
    taxonomy,
    categorizer,
    source,
    briefings,
    registry,
    limits,
    replayGuard,
    renderCache: new RenderCache(),
    context: (platform, extra = {}) => ({
      platform,
      briefings,
      taxonomy,
      logger,
      commands: registry.list(),
      digests: app.digests,
      metrics: app.metrics,
      limits,
      ...extra,
    }),
  };
  return app;
}

/** The lead's AI summary writer, when BRIEFER_LLM_URL is set (docs/ai-summaries.md). */
export function createLeadSummarizer(
  config: Config,
  overrides: AppOverrides,
  logger: Logger,
): LeadSummarizer | undefined {
  const { env } = config;
  if (!env.BRIEFER_LLM_URL || !env.BRIEFER_LLM_MODEL) return undefined;
  return new LeadSummarizer({
    chat: createOpenAiChat({
      baseURL: env.BRIEFER_LLM_URL,
      model: env.BRIEFER_LLM_MODEL,
      apiKey: env.BRIEFER_LLM_API_KEY,
      timeoutMs: env.BRIEFER_LLM_TIMEOUT_MS,
    }),
    model: env.BRIEFER_LLM_MODEL,
    timeoutMs: env.BRIEFER_LLM_TIMEOUT_MS,
    maxCallsPerHour: env.BRIEFER_LLM_MAX_CALLS_PER_HOUR,
    cache: overrides.summaryCache ?? new MemorySummaryCache(),
    claims: overrides.replayGuard ?? new MemoryReplayGuard(),
    logger: logger.child({ component: 'llm' }),
  });
}
