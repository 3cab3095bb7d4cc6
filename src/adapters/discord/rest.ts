/** The REST client setup shared by the gateway client, HTTP interactions and command registration. */
import { type REST, RESTEvents, type RESTOptions } from 'discord.js';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';

/**
 * `DISCORD_API_BASE` (e.g. `https://discord.com/api`, a REST proxy, or a local fake) without a
 * trailing slash; discord.js appends `/v10/…`.
 */
export function restOptions(config: Config): Partial<RESTOptions> {
  const api = config.env.DISCORD_API_BASE?.replace(/\/+$/, '');
  return api ? { api } : {};
}

/**
 * discord.js waits out rate limits by itself (a 429's Retry-After, or a bucket it knows is empty);
 * this makes both visible in the log. Routes are logged as buckets (`/webhooks/:id/:token`), never
 * as URLs, which hold interaction tokens.
 */
export function logRateLimits(rest: REST, log: Logger): void {
  rest.on(RESTEvents.RateLimited, (info) => {
    log.warn(
      {
        route: info.route,
        method: info.method,
        retryAfterMs: info.retryAfter,
        global: info.global,
        scope: info.scope,
      },
      'discord rate limit reached; queueing',
    );
  });
  rest.on(RESTEvents.Response, (request, response) => {
    // The event hands over a clone of the response; its body is never read here.
    const body = 'body' in response ? response.body : null;
    if (body && 'cancel' in body) void body.cancel().catch(() => {});
    if (response.status !== 429) return;
    log.warn(
      {
        route: request.route,
        method: request.method,
        retryAfterS: Number(response.headers.get('retry-after')),
        global: response.headers.has('x-ratelimit-global'),
      },
      'discord answered 429; waiting it out',
    );
  });
}
