/**
 * Posts a digest to a Slack channel with chat.postMessage. The client it is given must not retry by
 * itself (`digestClientOptions`): a post that timed out may well have been accepted, and only this
 * poster knows how to check. Each message carries `metadata` naming the digest and its part; when a
 * post's outcome is unknown (timeout, reset, 5xx) the channel's recent history is read for it before
 * anything is posted again. What fails is classified for the runner.
 */
import type { webApi } from '@slack/bolt';
import type { Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { SLACK } from '../render/limits.ts';
import { renderSlackMessages, type SlackBlock } from '../render/slack.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { cannotConfirm, DeliveryError, type DeliveryProgress, type DigestPoster } from './delivery.ts';

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
/** Slack errors after which the message may or may not have been posted. */
const UNKNOWN_OUTCOME = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** The `event_type` of the metadata every digest message carries. */
export const DIGEST_EVENT_TYPE = 'briefer_digest';

/** How many recent messages of a channel are searched for a digest's own. */
const HISTORY_LIMIT = 100;

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
    const digestId = progress.digestId;
    // Parts earlier tries posted although their answer never came, by part number.
    let earlier = progress.confirm && digestId ? await this.#posted(s.channelId, digestId) : undefined;
    for (let part = progress.messageIds.length; part < messages.length; part++) {
      const message = messages[part] as (typeof messages)[number];
      const confirmed = earlier?.get(part);
      if (confirmed) {
        this.#accept(progress, confirmed);
        continue;
      }
      // Parts go out in order: once one is missing, none after it was posted.
      earlier = undefined;
      try {
        const result = await this.client.chat.postMessage({
          channel: s.channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(digestId
            ? { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { digest_id: digestId, part } } }
            : {}),
        });
        this.#accept(progress, String(result.ts));
      } catch (error) {
        const failure = classify(error);
        if (!failure.unknownOutcome || !digestId) throw failure;
        // The answer was lost, not necessarily the message: look before anyone posts it again.
        const found = (await this.#posted(s.channelId, digestId).catch(() => undefined))?.get(part);
        if (!found) throw failure;
        this.#accept(progress, found);
      }
    }
    return { messageIds: progress.messageIds };
  }

  #accept(progress: DeliveryProgress, ts: string): void {
    progress.messageIds.push(ts);
    progress.onPosted?.(progress.messageIds);
  }

  /** The messages of digest `digestId` in the channel's recent history, by part. */
  async #posted(channelId: string, digestId: string): Promise<Map<number, string>> {
    let history: Awaited<ReturnType<webApi.WebClient['conversations']['history']>>;
    try {
      history = await this.client.conversations.history({
        channel: channelId,
        limit: HISTORY_LIMIT,
        include_all_metadata: true,
      });
    } catch (error) {
      throw cannotConfirm('Slack', error, classify(error));
    }
    const found = new Map<number, string>();
    for (const m of history.messages ?? []) {
      const meta = m.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
      if (meta?.event_type !== DIGEST_EVENT_TYPE || meta.event_payload?.digest_id !== digestId) continue;
      const part = Number(meta.event_payload.part);
      if (Number.isInteger(part) && m.ts && !found.has(part)) found.set(part, m.ts);
    }
    return found;
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
  if (slackError && UNKNOWN_OUTCOME.has(slackError))
    return new DeliveryError('retryable', `Slack: ${slackError}`, undefined, {
      cause: error,
      unknownOutcome: true,
    });
  // Rate limited: Slack did not take the message; wait as long as it asks.
  if (slackError === 'ratelimited' || e.code === 'slack_webapi_rate_limited_error')
    return new DeliveryError('retryable', 'Slack: rate limited', (e.retryAfter ?? 1) * 1000, {
      cause: error,
    });
  if (e.code === 'slack_webapi_http_error') {
    const status = e.statusCode ?? 0;
    if (status === 429) return new DeliveryError('retryable', 'Slack: HTTP 429', undefined, { cause: error });
    if (status >= 500)
      return new DeliveryError('retryable', `Slack: HTTP ${status}`, undefined, {
        cause: error,
        unknownOutcome: true,
      });
    return new DeliveryError('fatal', `Slack: HTTP ${status}`, undefined, { cause: error });
  }
  // Timeouts and reset connections: the request may have been taken.
  if (e.code === 'slack_webapi_request_error')
    return new DeliveryError('retryable', `Slack: ${e.message}`, undefined, {
      cause: error,
      unknownOutcome: true,
    });
  return new DeliveryError('fatal', `Slack: ${slackError ?? e.message ?? String(error)}`, undefined, {
    cause: error,
  });
}
