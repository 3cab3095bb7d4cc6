/**
 * The boundary every adapter calls: run a command, and turn any error into a short reply for the user
 * while the log gets the full record.
 */

import type { CommandArgs } from '../core/command-definition.ts';
import { isBrieferError, userMessage } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import type { CommandRegistry } from './registry.ts';
import type { CommandContext } from './types.ts';

export function errorReply(text: string, title = 'Could not do that'): Reply {
  return { view: { kind: 'message', tone: 'error', title, text }, visibility: 'ephemeral' };
}

export async function runCommand(
  registry: CommandRegistry,
  name: string,
  args: CommandArgs,
  context: CommandContext,
): Promise<Reply> {
  const command = registry.get(name);
  if (!command) {
    const known = registry
      .list()
      .map((c) => `/${c.definition.name}`)
      .join(', ');
    return errorReply(`Unknown command /${name}. Try ${known}.`, 'Unknown command');
  }
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const reply = await command.execute(args, context);
    context.logger.debug(
      { command: name, platform: context.platform, ms: Math.round(seconds() * 1000) },
      'command answered',
    );
    const failed = reply.view.kind === 'message' && reply.view.tone === 'error';
    context.metrics?.commandServed(context.platform, name, failed ? 'error' : 'ok', seconds());
    return reply;
  } catch (error) {
    context.metrics?.commandServed(context.platform, name, 'error', seconds());
    const expected = isBrieferError(error) && (error.code === 'USAGE' || error.code.startsWith('SOURCE_'));
    context.logger[expected ? 'warn' : 'error'](
      {
        err: error,
        command: name,
        platform: context.platform,
        user: context.user?.id,
        channel: context.channel?.id,
      },
      'command failed',
    );
    return errorReply(userMessage(error));
  }
}
