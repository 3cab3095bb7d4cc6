import { describe, expect, it } from 'vitest';
import { slackApiUrl, slackClientOptions, slackSecrets } from '../../../src/adapters/slack/web-client.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';

describe('Slack Web API client options', () => {
  it('uses slack.com by default and SLACK_API_URL when set, always ending in /', () => {
    expect(slackApiUrl({})).toBe('https://slack.com/api/');
    expect(slackApiUrl({ SLACK_API_URL: 'https://slack-gov.com/api' })).toBe('https://slack-gov.com/api/');
    expect(slackApiUrl({ SLACK_API_URL: 'http://127.0.0.1:9/api/' })).toBe('http://127.0.0.1:9/api/');
  });

  it('waits out rate limits and retries instead of failing the call', () => {
    const { env } = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret-value' });
    const options = slackClientOptions(env, createLogger('silent'));
    expect(options.rejectRateLimitedCalls).toBe(false);
    expect(options.retryConfig?.retries).toBeGreaterThan(0);
    expect(options.timeout).toBeGreaterThan(0);
    expect(slackSecrets(env)).toEqual(['xoxb-1', 's3cret-value']);
  });
});
