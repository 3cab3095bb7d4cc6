/**
 * Builds the daily digest from the configuration and the app's store: a poster for each platform
 * that has a bot token, with the platform clients' own retries off (the runner confirms instead).
 * Each platform's client is loaded only when its token is set: a Slack-only bot does not load
 * discord.js, nor a Discord-only one Bolt (start-up time and memory).
 */

import type { App } from '../app.ts';
import type { Store } from '../store/store.ts';
import type { ChatPlatform } from '../store/subscriptions.ts';
import { CountedPoster } from './counted-poster.ts';
import type { DigestPoster } from './delivery.ts';
import { DigestService } from './digest-service.ts';

export async function createDigestService(
  app: App,
  store: Store,
  overrides: { now?: () => Date } = {},
): Promise<DigestService> {
  const { env } = app.config;
  const posters: Partial<Record<ChatPlatform, DigestPoster>> = {};
  if (env.DISCORD_TOKEN) {
    const [{ DiscordPoster }, { restOptions }] = await Promise.all([
      import('./discord-poster.ts'),
      import('../adapters/discord/rest.ts'),
    ]);
    posters.discord = DiscordPoster.create(env.DISCORD_TOKEN, {
      ...restOptions(app.config),
      timeout: env.DIGEST_POST_TIMEOUT_MS,
    });
  }
  if (env.SLACK_BOT_TOKEN) {
    const [{ SlackPoster }, { createDigestSlackClient }] = await Promise.all([
      import('./slack-poster.ts'),
      import('../adapters/slack/web-client.ts'),
    ]);
    posters.slack = new SlackPoster(createDigestSlackClient(env, app.logger));
  }
  const { metrics } = app;
  if (metrics) {
    for (const [platform, poster] of Object.entries(posters) as Array<[ChatPlatform, DigestPoster]>)
      posters[platform] = new CountedPoster(poster, metrics);
  }
  const service = new DigestService({
    store,
    briefings: app.briefings,
    taxonomy: app.taxonomy,
    posters,
    logger: app.logger.child({ component: 'digest' }),
    catchUpMs: env.DIGEST_CATCHUP_HOURS * 3_600_000,
    configured: { channels: env.DIGEST_CHANNELS, time: env.DIGEST_TIME, timezone: env.DIGEST_TZ },
    defaults: { time: env.DIGEST_TIME, timezone: env.DIGEST_TZ },
    pollMs: env.DIGEST_POLL_SECONDS * 1000,
    limits: app.limits,
    now: overrides.now,
  });
  await service.syncConfigured();
  return service;
}
