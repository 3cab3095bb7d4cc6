/**
 * The Slack app manifest (`slack/manifest.json`): the slash commands, scopes and request URLs a user
 * pastes into "Create New App → From a manifest". Built from the command registry, so the manifest
 * declares exactly the commands Briefer answers; a test fails when the file falls behind.
 *
 * Regenerate: npx tsx src/adapters/slack/manifest.ts > slack/manifest.json
 */
import { pathToFileURL } from 'node:url';
import { createCommandRegistry } from '../../../commands/index.ts';
import type { CommandDefinition } from '../../core/command-definition.ts';
import { SLACK_EVENTS_PATH } from './start.ts';

/** Replace with your public URL (HTTP mode); ignored in Socket Mode. */
export const MANIFEST_PLACEHOLDER_URL = 'https://briefer.example.com';

/**
 * What Briefer does on Slack: slash commands, posting (share button, daily digest), and `users:read`
 * to know the workspace admins who may change a digest when SLACK_DIGEST_ADMINS is unset.
 */
/**
 * `channels:history`/`groups:history`: the digest reads a channel's recent messages to confirm a post
 * whose answer was lost (its own messages, found by their metadata) instead of posting it twice.
 */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'users:read',
  'channels:history',
  'groups:history',
] as const;

export function slackManifest(commands: readonly CommandDefinition[], baseUrl = MANIFEST_PLACEHOLDER_URL) {
  const url = `${baseUrl.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Briefer',
      description: 'The day’s news, briefed: the lead story summarized and the headlines by category.',
      background_color: '#1e3a8a',
    },
    features: {
      bot_user: { display_name: 'Briefer', always_online: true },
      slash_commands: commands.map((c) => {
        const usage = c.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(' ');
        return {
          command: `/${c.name}`,
          url,
          description: c.description,
          ...(usage ? { usage_hint: usage } : {}),
          should_escape: false,
        };
      }),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, request_url: url },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest for Briefer's own commands, as committed in `slack/manifest.json`. */
export function brieferManifest(baseUrl?: string) {
  return slackManifest(
    createCommandRegistry()
      .list()
      .map((c) => c.definition),
    baseUrl,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(brieferManifest(process.argv[2]), null, 2)}\n`);
}
