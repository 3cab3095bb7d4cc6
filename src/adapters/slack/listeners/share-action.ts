/**
 * The "Share to channel" button under an ephemeral reply. Runs the same command again (the button
 * carries the command, not the reply) and posts the result for everyone with `chat.postMessage`,
 * marked "Shared by @user". Where the bot cannot post (a private channel it was not invited to, a
 * DM), it posts through the button's `response_url` instead, which works in any conversation.
 * The ephemeral copy then loses its button, so the same reply is not shared twice.
 */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  RespondFn,
  SlackActionMiddlewareArgs,
  webApi,
} from '@slack/bolt';
import { errorReply, runCommand } from '../../../commands/dispatch.ts';
import { parseTextArgs } from '../../../commands/parse-text-args.ts';
import { userMessage } from '../../../core/errors.ts';
import type { Reply } from '../../../core/reply.ts';
import type { Logger } from '../../../log.ts';
import { SLACK } from '../../../render/limits.ts';
import { renderSlackMessages, type SlackMessage } from '../../../render/slack.ts';
import type { ReplayGuard } from '../../../store/shared-state.ts';
import { type SlackDeps, slackCommandContext } from '../context.ts';
import { postAll, respondAll, slackErrorCode } from '../deliver.ts';
import { decodeShareValue } from '../share-value.ts';

/** chat.postMessage errors that mean "the bot cannot post here", where response_url still can. */
const NO_ACCESS = new Set(['not_in_channel', 'channel_not_found']);

export const SHARED_NOTE = '✓ Shared to the channel.';

type ShareArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function shareActionListener({ app, inFlight, admins }: SlackDeps) {
  return async ({ ack, body, action, respond, client }: ShareArgs) => {
    await ack();
    const channel = body.channel?.id ?? (body.container?.channel_id as string | undefined);
    const log = app.logger.child({ platform: 'slack', action: 'share', user: body.user.id, channel });

    await inFlight.run(async () => {
      const request = decodeShareValue(action.value);
      if (!request || !channel) {
        log.warn({ value: action.value }, 'share button with an unknown value');
        await tell(respond, log, 'This button no longer works. Run the command again to share it.');
        return;
      }
      // One reply is shared once: a double click (two genuine requests) must not post twice.
      const messageTs = body.container?.message_ts as string | undefined;
      const shareKey = `slack-share:${channel}:${messageTs ?? body.response_url}:${action.value}`;
      if (!(await firstShare(app.replayGuard, shareKey, log))) {
        log.info({ command: request.command }, 'share clicked again; already shared');
        return;
      }
      try {
        const adminOnly = app.registry.get(request.command)?.definition.adminOnly;
        const isAdmin = adminOnly ? await admins.isAdmin(body.user.id, client, log) : false;
        const reply = await rerun(app, request.command, request.text, body, channel, isAdmin);
        if (reply.visibility !== 'public') {
          await respondAll(respond, renderSlackMessages(reply, app.taxonomy), 'ephemeral');
          return;
        }
        // At most four messages: if they go through the response_url, its fifth post replaces the button.
        const messages = renderSlackMessages(reply, app.taxonomy, {
          sharedBy: body.user.id,
          maxMessages: SLACK.responseUrlPosts - 1,
        });
        const via = await shareToChannel(client, respond, channel, messages);
        // The renderer splits the same way with or without the button, so this is the button's message.
        const done = renderSlackMessages(reply, app.taxonomy, { closingNote: SHARED_NOTE }).at(-1);
        if (done) await respond({ replace_original: true, text: done.text, blocks: done.blocks });
        log.info({ command: request.command, via, messages: messages.length }, 'slack reply shared');
      } catch (error) {
        log.error({ err: error, command: request.command }, 'slack share failed');
        const code = slackErrorCode(error);
        await tell(
          respond,
          log,
          `Could not share this to the channel${code ? ` (Slack said: ${code})` : ''}. The error was logged.`,
        );
      }
    });
  };
}

async function rerun(
  app: SlackDeps['app'],
  name: string,
  text: string,
  body: ShareArgs['body'],
  channel: string,
  isAdmin: boolean,
): Promise<Reply> {
  const command = app.registry.get(name);
  const context = slackCommandContext(app, {
    isAdmin,
    userId: body.user.id,
    userName: body.user.username,
    channelId: channel,
    teamId: body.team?.id,
  });
  try {
    const args = command ? parseTextArgs(command.definition, text) : {};
    return await runCommand(app.registry, name, args, context);
  } catch (error) {
    return errorReply(userMessage(error));
  }
}

async function shareToChannel(
  client: webApi.WebClient,
  respond: RespondFn,
  channel: string,
  messages: readonly SlackMessage[],
): Promise<'chat.postMessage' | 'response_url'> {
  const [first, ...rest] = messages;
  if (!first) return 'chat.postMessage';
  try {
    await postAll(client, channel, [first]);
  } catch (error) {
    if (!NO_ACCESS.has(slackErrorCode(error) ?? '')) throw error;
    await respondAll(respond, messages, 'in_channel');
    return 'response_url';
  }
  await postAll(client, channel, rest);
  return 'chat.postMessage';
}

/** Shares are remembered for a day (an ephemeral reply does not outlive its session for long). */
const SHARE_MEMORY_MS = 24 * 3_600_000;

async function firstShare(guard: ReplayGuard, key: string, log: Logger): Promise<boolean> {
  try {
    return await guard.firstSeen(key, SHARE_MEMORY_MS);
  } catch (error) {
    log.warn({ reason: (error as Error).message }, 'replay guard unavailable; sharing anyway');
    return true;
  }
}

async function tell(respond: RespondFn, log: Logger, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((e: unknown) =>
    log.error({ err: e }, 'slack message could not be delivered'),
  );
}
