/**
 * How Briefer talks to Slack's Web API: which base URL (SLACK_API_URL for GovSlack-style deployments
 * and tests), how long to wait, and how to retry. A rate limit (HTTP 429) is waited out for the
 * seconds Slack's Retry-After asks, then the call is retried; it is never dropped.
 * Shared by the slash-command adapter and anything else that posts (the daily digest).
 */
import { type Logger as BoltLogger, webApi } from '@slack/bolt';
import type { Env } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { boltLogger } from './bolt-logger.ts';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/**
 * Network errors and 5xx are retried with backoff; a 429 first sleeps Retry-After seconds, then
 * counts as one of these retries.
 */
export const SLACK_RETRY: webApi.RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 30_000,
  randomize: true,
};

/** Per attempt; a hung connection must not hold a reply forever. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

/** The Web API base URL, always ending in `/` as the client appends method names to it. */
export function slackApiUrl(env: Pick<Env, 'SLACK_API_URL'>): string {
  const url = env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** The secrets Slack code could ever print, for scrubbing log lines. */
export function slackSecrets(
  env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN'>,
): string[] {
  return [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN].filter((s): s is string =>
    Boolean(s),
  );
}

export function slackClientOptions(env: Env, logger: Logger | BoltLogger): webApi.WebClientOptions {
  const log = 'isLevelEnabled' in logger ? boltLogger(logger, slackSecrets(env), 'slack-web-api') : logger;
  return {
    slackApiUrl: slackApiUrl(env),
    logger: log,
    retryConfig: SLACK_RETRY,
    // false = wait out Retry-After and retry, rather than fail the call.
    rejectRateLimitedCalls: false,
    timeout: SLACK_CALL_TIMEOUT_MS,
  };
}

/** A Web API client with the bot token, for code outside a Bolt listener (e.g. the digest). */
export function createSlackClient(env: Env, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(env.SLACK_BOT_TOKEN, slackClientOptions(env, logger));
}

/**
 * The client the daily digest posts with: no retries of its own and rate limits handed back, because
 * a post whose answer timed out may have been accepted; the digest poster confirms before it posts
 * again (see src/schedule/slack-poster.ts).
 */
export function createDigestSlackClient(env: Env, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(env.SLACK_BOT_TOKEN, {
    ...slackClientOptions(env, logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: env.DIGEST_POST_TIMEOUT_MS,
  });
}
