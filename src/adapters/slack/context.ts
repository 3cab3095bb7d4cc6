/** What the adapter needs from the app, and the per-invocation command context for a Slack user. */
import type { App } from '../../app.ts';
import type { CommandContext } from '../../commands/types.ts';
import type { InFlight } from '../in-flight.ts';
import type { SlackAdmins } from './admins.ts';

export type SlackAppView = Pick<
  App,
  'registry' | 'taxonomy' | 'logger' | 'context' | 'config' | 'replayGuard' | 'renderCache'
>;

export interface SlackDeps {
  app: SlackAppView;
  inFlight: InFlight;
  admins: SlackAdmins;
  /** Replies in flight from which a reply ready at once goes in the ack (default 8; 0: always). */
  busyAt?: number;
}

export interface SlackInvoker {
  userId: string;
  userName?: string;
  channelId?: string;
  teamId?: string;
  /** Looked up (SlackAdmins) only for admin-only commands; otherwise false. */
  isAdmin?: boolean;
}

export function slackCommandContext(app: SlackAppView, who: SlackInvoker): CommandContext {
  return app.context('slack', {
    user: {
      id: who.userId,
      ...(who.userName ? { name: who.userName } : {}),
      // Slack has no per-command permissions: SLACK_DIGEST_ADMINS, else workspace admins (SlackAdmins).
      isAdmin: who.isAdmin ?? false,
    },
    ...(who.channelId
      ? { channel: { id: who.channelId, ...(who.teamId ? { guildId: who.teamId } : {}) } }
      : {}),
  });
}
