/**
 * Every slash command Slack sends. Acks at once (Slack shows an error after 3 s), then runs the
 * command and delivers the reply through `respond()`: ephemeral, with a "Share to channel" button when
 * the reply is fit for the channel. Bad argument text is answered in the ack itself, with the usage.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorReply, runCommand } from '../../../commands/dispatch.ts';
import { parseTextArgs } from '../../../commands/parse-text-args.ts';
import type { CommandArgs } from '../../../core/command-definition.ts';
import { userMessage } from '../../../core/errors.ts';
import { renderSlackMessages } from '../../../render/slack.ts';
import { yieldToIo } from '../../load-gauge.ts';
import { type SlackDeps, slackCommandContext } from '../context.ts';
import { respondAll } from '../deliver.ts';
import { encodeShareValue } from '../share-value.ts';

/**
 * `/brief` → `brief`. A workspace where a name is taken can rename the command in the manifest to
 * `/briefer-brief`; the prefix is dropped here so it still reaches the same command.
 */
export function commandName(slashCommand: string): string {
  return slashCommand
    .replace(/^\//, '')
    .toLowerCase()
    .replace(/^briefer[-_](?=.)/, '');
}

export const SORRY = 'Sorry, Slack would not take this reply. The error was logged.';

export function slashCommandListener({ app, inFlight, admins }: SlackDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const started = performance.now();
    const name = commandName(command.command);
    const text = (command.text ?? '').trim();
    const log = app.logger.child({
      platform: 'slack',
      command: name,
      user: command.user_id,
      channel: command.channel_id,
    });

    const found = app.registry.get(name);
    let args: CommandArgs = {};
    if (found) {
      try {
        args = parseTextArgs(found.definition, text);
      } catch (error) {
        log.debug({ err: error, text }, 'usage error');
        const [message] = renderSlackMessages(errorReply(userMessage(error)), app.taxonomy, {
          maxMessages: 1,
        });
        await ack({ response_type: 'ephemeral', ...message });
        return;
      }
    }
    await ack();
    const acked = performance.now();

    await inFlight.run(async () => {
      // Acks of requests already waiting go out before this reply's work (Slack's 3 s is for the ack).
      await yieldToIo();
      try {
        const isAdmin = found?.definition.adminOnly
          ? await admins.isAdmin(command.user_id, client, log)
          : undefined;
        const context = slackCommandContext(app, {
          ...(isAdmin === undefined ? {} : { isAdmin }),
          userId: command.user_id,
          userName: command.user_name,
          channelId: command.channel_id,
          teamId: command.team_id,
        });
        const reply = await runCommand(app.registry, name, args, context);
        const shareValue =
          reply.visibility === 'public' ? encodeShareValue({ command: name, text }) : undefined;
        // The same blocks for everyone asking the same thing of this briefing: rendered once.
        const messages = app.renderCache.render(reply, `slack:${shareValue ?? ''}`, () =>
          renderSlackMessages(reply, app.taxonomy, { shareValue }),
        );
        await respondAll(respond, messages, 'ephemeral');
        log.debug(
          {
            ackMs: Math.round(acked - started),
            replyMs: Math.round(performance.now() - started),
            messages: messages.length,
          },
          'slack reply delivered',
        );
      } catch (error) {
        log.error({ err: error }, 'slack reply could not be delivered');
        // A payload Slack refused (or a renderer bug) still gets the user an answer, in plain text.
        await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY }).catch(
          (e: unknown) => log.error({ err: e }, 'slack apology could not be delivered either'),
        );
      }
    });
  };
}
