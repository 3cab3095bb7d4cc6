/**
 * Posts a digest to a Slack channel with chat.postMessage. The Web API client waits out 429s
 * (Retry-After) and retries 5xx itself; what still fails is classified here.
 */
import type { webApi } from '@slack/bolt';
import type { Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { SLACK } from '../render/limits.ts';
import { renderSlackMessages, type SlackBlock } from '../render/slack.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { DeliveryError, type DeliveryProgress, type DigestPoster } from './delivery.ts';

/** Slack errors that mean the bot cannot post in that channel any more. */
const UNREACHABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'team_access_not_granted',
  'access_denied',
  'account_inactive',
]);
const RETRYABLE = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

export class SlackPoster implements DigestPoster {
  readonly platform = 'slack' as const;

  constructor(private readonly client: webApi.WebClient) {}

  async post(
    s: Subscription,
    reply: Reply,
    taxonomy: Taxonomy,
    progress: DeliveryProgress = { messageIds: [] },
  ) {
    const messages = renderSlackMessages(reply, taxonomy, { maxMessages: 10 });
    if (s.mention && messages[0]) {
      // The one ping Briefer ever sends: the user group this channel opted into.
      const ping = `<!subteam^${s.mention}>`;
      messages[0] = {
        // No cut: the renderer's text is far below Slack's 40,000, and a cut could split an escape.
        text: `${ping} ${messages[0].text}`,
        blocks: [mentionBlock(ping), ...messages[0].blocks].slice(0, SLACK.blocksPerMessage),
      };
    }
    for (const message of messages.slice(progress.messageIds.length)) {
      try {
        const result = await this.client.chat.postMessage({
          channel: s.channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        progress.messageIds.push(String(result.ts));
        progress.onPosted?.(progress.messageIds);
      } catch (error) {
        throw classify(error);
      }
    }
    return { messageIds: progress.messageIds };
  }
}

function mentionBlock(ping: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: `${ping} your daily briefing` } };
}

function classify(error: unknown): DeliveryError {
  const e = error as {
    code?: string;
    data?: { error?: string };
    retryAfter?: number;
    statusCode?: number;
    message?: string;
  };
  const slackError = e.data?.error;
  if (slackError && UNREACHABLE.has(slackError))
    return new DeliveryError('unreachable', `Slack: ${slackError}`, undefined, { cause: error });
  if (slackError && RETRYABLE.has(slackError))
    return new DeliveryError('retryable', `Slack: ${slackError}`, undefined, { cause: error });
  if (e.code === 'slack_webapi_rate_limited_error')
    return new DeliveryError('retryable', 'Slack: rate limited', (e.retryAfter ?? 1) * 1000, {
      cause: error,
    });
  if (e.code === 'slack_webapi_http_error') {
    const kind = (e.statusCode ?? 0) >= 500 || e.statusCode === 429 ? 'retryable' : 'fatal';
    return new DeliveryError(kind, `Slack: HTTP ${e.statusCode}`, undefined, { cause: error });
  }
  if (e.code === 'slack_webapi_request_error')
    return new DeliveryError('retryable', `Slack: ${e.message}`, undefined, { cause: error });
  return new DeliveryError('fatal', `Slack: ${slackError ?? e.message ?? String(error)}`, undefined, {
    cause: error,
  });
}
