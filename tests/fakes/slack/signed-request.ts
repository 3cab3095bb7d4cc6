/**
 * Requests as Slack sends them to an app over HTTP: form-encoded bodies signed with the signing
 * secret (`v0=HMAC_SHA256(secret, "v0:" + timestamp + ":" + body)`), for posting to `/slack/events`.
 */
import { createHmac } from 'node:crypto';

export interface SlashCommandFields {
  command: string;
  text?: string;
  response_url: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  trigger_id?: string;
}

/** The fields of a slash command invocation, as Slack sends them (form fields over HTTP, JSON over Socket Mode). */
export function slashCommandPayload(fields: SlashCommandFields): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: 'C0NEWS',
    channel_name: 'news',
    user_id: 'U0ALICE',
    user_name: 'alice',
    text: '',
    api_app_id: 'A0BRIEFER',
    is_enterprise_install: 'false',
    trigger_id: '1.2.3',
    ...fields,
  };
}

/** The form body of a slash command invocation. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams(slashCommandPayload(fields)).toString();
}

export interface ButtonClick {
  actionId: string;
  value: string;
  response_url: string;
  user_id?: string;
  channel_id?: string;
  /** The ephemeral message the button is in (default: a new one per click, as each reply is its own). */
  message_ts?: string;
}

let messages = 0;

/** The block_actions payload of a button clicked in an ephemeral message. */
export function blockActionPayload(click: ButtonClick): Record<string, unknown> {
  const channel = click.channel_id ?? 'C0NEWS';
  return {
    type: 'block_actions',
    user: { id: click.user_id ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0FAKE' },
    api_app_id: 'A0BRIEFER',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: click.message_ts ?? `1700000000.${String(++messages).padStart(6, '0')}`,
      channel_id: channel,
      is_ephemeral: true,
    },
    trigger_id: '1.2.3',
    team: { id: 'T0FAKE', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'news' },
    state: { values: {} },
    response_url: click.response_url,
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Share to channel', emoji: true },
        value: click.value,
        action_ts: '1700000001.000001',
      },
    ],
  };
}

export function blockActionBody(click: ButtonClick): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionPayload(click)) }).toString();
}

/** Slack's request signature headers for `body`, `timestamp` in seconds (default: now). */
export function signatureHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

/** POSTs a signed body to `url`, as Slack does. */
export function postSigned(url: string, secret: string, body: string, timestamp?: number): Promise<Response> {
  return fetch(url, { method: 'POST', headers: signatureHeaders(secret, body, timestamp), body });
}
