/**
 * Composition root: config → logger, taxonomy, categorizer, news source, briefing service, commands.
 * Adapters (console, Discord, Slack) and the digest take what they need from this one object.
 */
import { createCommandRegistry } from '../commands/index.ts';
import type { CommandRegistry } from './commands/registry.ts';
import type { CommandContext, Platform } from './commands/types.ts';
import type { Config } from './config.ts';
import { type Categorizer, createCategorizer } from './core/categorizer.ts';
import { loadTaxonomy, type Taxonomy } from './core/taxonomy.ts';
import { createLogger, type Logger } from './log.ts';
import type { DigestControl } from './schedule/digest-service.ts';
import { BriefingService } from './service/briefing-service.ts';
import { resolveSource } from './sources/resolve.ts';
import type { NewsSource } from './sources/source.ts';

export interface App {
  config: Config;
  logger: Logger;
  taxonomy: Taxonomy;
  categorizer: Categorizer;
  source: NewsSource;
  briefings: BriefingService;
  registry: CommandRegistry;
  /** The daily digest, once started (Discord/Slack runs only). */
  digests?: DigestControl;
  /** A per-invocation context for a command. */
  context(platform: Platform, extra?: Pick<CommandContext, 'user' | 'channel'>): CommandContext;
}

export interface AppOverrides {
  logger?: Logger;
  source?: NewsSource;
  now?: () => Date;
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
      logger: logger.child({ component: 'sources' }),
      now: overrides.now,
    });
  const briefings = new BriefingService({
    source,
    categorizer,
    taxonomy,
    logger,
    sentences: env.BRIEFER_SENTENCES,
    refreshMs: env.BRIEFER_REFRESH_MINUTES * 60_000,
    now: overrides.now,
  });
  const registry = createCommandRegistry();
  const app: App = {
    config,
    logger,
    taxonomy,
    categorizer,
    source,
    briefings,
    registry,
    context: (platform, extra = {}) => ({
      platform,
      briefings,
      taxonomy,
      logger,
      commands: registry.list(),
      digests: app.digests,
      ...extra,
    }),
  };
  return app;
}
