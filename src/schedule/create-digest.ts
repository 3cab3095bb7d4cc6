/** Builds the daily digest from the configuration: a poster for each platform that has a bot token. */

import { restOptions } from '../adapters/discord/rest.ts';
import { createSlackClient } from '../adapters/slack/web-client.ts';
import type { App } from '../app.ts';
import type { ChatPlatform } from '../store/subscriptions.ts';
import { CountedPoster } from './counted-poster.ts';
import type { DigestPoster } from './delivery.ts';
import { DigestService } from './digest-service.ts';
import { DiscordPoster } from './discord-poster.ts';
import { SlackPoster } from './slack-poster.ts';

export function createDigestService(app: App, overrides: { now?: () => Date } = {}): DigestService {
  const { env } = app.config;
  const posters: Partial<Record<ChatPlatform, DigestPoster>> = {};
  if (env.DISCORD_TOKEN) posters.discord = DiscordPoster.create(env.DISCORD_TOKEN, restOptions(app.config));
  if (env.SLACK_BOT_TOKEN) posters.slack = new SlackPoster(createSlackClient(env, app.logger));
  const { metrics } = app;
  if (metrics) {
    for (const [platform, poster] of Object.entries(posters) as Array<[ChatPlatform, DigestPoster]>)
      posters[platform] = new CountedPoster(poster, metrics);
  }
  return new DigestService({
    dbPath: env.BRIEFER_DB,
    briefings: app.briefings,
    taxonomy: app.taxonomy,
    posters,
    logger: app.logger.child({ component: 'digest' }),
    catchUpMs: env.DIGEST_CATCHUP_HOURS * 3_600_000,
    configured: { channels: env.DIGEST_CHANNELS, time: env.DIGEST_TIME, timezone: env.DIGEST_TZ },
    defaults: { time: env.DIGEST_TIME, timezone: env.DIGEST_TZ },
    now: overrides.now,
  });
}
