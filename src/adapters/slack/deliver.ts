/**
 * Posting rendered messages: through a `response_url` (replies to a command or a button) or with
 * `chat.postMessage` (sharing to a channel). Messages of one reply go in order, one after another.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from '../../render/slack.ts';

export type ResponseType = 'ephemeral' | 'in_channel';

export async function respondAll(
  respond: RespondFn,
  messages: readonly SlackMessage[],
  type: ResponseType,
): Promise<void> {
  for (const m of messages) {
    await respond({ response_type: type, replace_original: false, text: m.text, blocks: m.blocks });
  }
}

/** Posts each message to `channel`; a 429 on the way is waited out by the client (Retry-After). */
export async function postAll(
  client: webApi.WebClient,
  channel: string,
  messages: readonly SlackMessage[],
): Promise<void> {
  for (const m of messages) {
    // Headline links would each unfurl into a preview; the briefing is the preview.
    await client.chat.postMessage({
      channel,
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

/** Slack's error string (`not_in_channel`, `ratelimited`…) of a failed Web API call, if it has one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
