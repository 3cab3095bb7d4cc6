/** What the adapter needs from the app, and the per-invocation command context for a Slack user. */
import type { App } from '../../app.ts';
import type { CommandContext } from '../../commands/types.ts';
import type { InFlight } from '../in-flight.ts';

export type SlackAppView = Pick<App, 'registry' | 'taxonomy' | 'logger' | 'context' | 'config'>;

export interface SlackDeps {
  app: SlackAppView;
  inFlight: InFlight;
}

export interface SlackInvoker {
  userId: string;
  userName?: string;
  channelId?: string;
  teamId?: string;
}

export function slackCommandContext(app: SlackAppView, who: SlackInvoker): CommandContext {
  return app.context('slack', {
    user: {
      id: who.userId,
      ...(who.userName ? { name: who.userName } : {}),
      // Slack has no per-command permissions; admins are listed in the environment.
      isAdmin: app.config.env.SLACK_DIGEST_ADMINS.includes(who.userId),
    },
    ...(who.channelId
      ? { channel: { id: who.channelId, ...(who.teamId ? { guildId: who.teamId } : {}) } }
      : {}),
  });
}
