/**
 * Registers Briefer's listeners on a Bolt app. Slash commands are dispatched through the command
 * registry (so `/x` that Slack knows but Briefer does not gets a helpful "unknown command" reply rather
 * than a timeout); the manifest declares the same registry list to Slack.
 */
import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import { SLACK_SHARE_ACTION } from '../../../render/slack.ts';
import type { SlackDeps } from '../context.ts';
import { shareActionListener } from './share-action.ts';
import { slashCommandListener } from './slash-command.ts';

export function registerListeners(bolt: BoltApp, deps: SlackDeps): void {
  bolt.command(/^\/\S+$/, slashCommandListener(deps));
  bolt.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SLACK_SHARE_ACTION },
    shareActionListener(deps),
  );
  bolt.error(async (error) => {
    // Listeners catch their own errors; anything here is a bug in Bolt glue, logged in full.
    deps.app.logger.error({ err: error, platform: 'slack' }, 'slack listener error');
  });
}
