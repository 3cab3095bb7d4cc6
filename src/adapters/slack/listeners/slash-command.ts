/**
 * Every slash command Slack sends, answered within Slack's 3 s: acked at once, then run and delivered
 * through `respond()` (ephemeral, with a "Share to channel" button when fit for the channel). When the
 * bot is busy (many replies still being delivered, or the event loop stalled), a reply ready at once — a command on the loaded
 * briefing — is the ack itself, its first message (any further ones go to the response_url): no second
 * request per command, so a burst of `/brief` costs a fraction of the CPU. Bad argument text is
 * answered in the ack, with the usage.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorReply, runCommand } from '../../../commands/dispatch.ts';
import { parseTextArgs } from '../../../commands/parse-text-args.ts';
import type { CommandArgs } from '../../../core/command-definition.ts';
import { userMessage } from '../../../core/errors.ts';
import type { Reply } from '../../../core/reply.ts';
import { renderSlackMessages, type SlackMessage } from '../../../render/slack.ts';
import { busyNow, readyAtOnce, yieldToIo } from '../../load-gauge.ts';
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

/** Replies being delivered from which the bot counts as busy. */
export const DEFAULT_BUSY_AT = 8;

export function slashCommandListener({ app, inFlight, admins, busyAt }: SlackDeps) {
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
    const context = (isAdmin?: boolean) =>
      slackCommandContext(app, {
        ...(isAdmin === undefined ? {} : { isAdmin }),
        userId: command.user_id,
        userName: command.user_name,
        channelId: command.channel_id,
        teamId: command.team_id,
      });
    const shareValue = encodeShareValue({ command: name, text });
    // The same blocks for everyone asking the same thing of this briefing: rendered once.
    const render = (reply: Reply) => {
      const share = reply.visibility === 'public' ? shareValue : undefined;
      return app.renderCache.render(reply, `slack:${share ?? ''}`, () =>
        renderSlackMessages(reply, app.taxonomy, { shareValue: share }),
      );
    };

    // Busy: a reply ready at once (the briefing loaded, no admin lookup) goes in the ack itself, which
    // Slack shows as the command's answer: no response_url post, the cheapest answer under load. Quiet:
    // the reply goes to the response_url, where a payload Slack refused can still become an apology.
    const busy = busyNow(inFlight.size, busyAt ?? DEFAULT_BUSY_AT);
    const early =
      busy && !found?.definition.adminOnly ? runCommand(app.registry, name, args, context()) : undefined;
    const ready = early && (await readyAtOnce(early));
    if (ready) {
      // A rendering that fails here fails again below, where the user is told.
      const [first, ...rest] = attempt(() => render(ready)) ?? [];
      if (first) {
        await ack({ response_type: 'ephemeral', text: first.text, blocks: first.blocks });
        log.debug(
          { ackMs: Math.round(performance.now() - started), messages: rest.length + 1 },
          'slack reply in the ack',
        );
        if (rest.length) await inFlight.run(() => deliver(async () => rest));
        return;
      }
    }
    await ack();
    const acked = performance.now();

    await inFlight.run(async () => {
      // Acks of requests already waiting go out before this reply's work (Slack's 3 s is for the ack).
      await yieldToIo();
      await deliver(async () => {
        const isAdmin = found?.definition.adminOnly
          ? await admins.isAdmin(command.user_id, client, log)
          : undefined;
        return render(await (early ?? runCommand(app.registry, name, args, context(isAdmin))));
      }, acked);
    });

    /** Posts the reply to the response_url; a failure or a payload Slack refused still gets the user an answer. */
    async function deliver(reply: () => Promise<readonly SlackMessage[]>, acked?: number): Promise<void> {
      try {
        const messages = await reply();
        await respondAll(respond, messages, 'ephemeral');
        log.debug(
          {
            ...(acked === undefined ? {} : { ackMs: Math.round(acked - started) }),
            replyMs: Math.round(performance.now() - started),
            messages: messages.length,
          },
          'slack reply delivered',
        );
      } catch (error) {
        log.error({ err: error }, 'slack reply could not be delivered');
        await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY }).catch(
          (e: unknown) => log.error({ err: e }, 'slack apology could not be delivered either'),
        );
      }
    }
  };
}

function attempt<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}
