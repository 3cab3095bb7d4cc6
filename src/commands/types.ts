/**
 * A command is data (its definition: name, description, options) plus a handler that returns a
 * platform-neutral Reply. Adapters register commands from the definitions and render the replies.
 */
import type { CommandArgs, CommandDefinition, OptionChoice } from '../core/command-definition.ts';
import type { HeadlineLimits, Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { DigestControl } from '../schedule/digest-control.ts';
import type { BriefingProvider } from '../service/briefing-provider.ts';

export type Platform = 'console' | 'discord' | 'slack' | 'cli';

/** Everything a handler may use; built by the adapter for each invocation. */
export interface CommandContext {
  platform: Platform;
  briefings: BriefingProvider;
  taxonomy: Taxonomy;
  logger: Logger;
  /** `isAdmin`: may change server/workspace settings (Discord Manage Server; Slack SLACK_DIGEST_ADMINS). */
  user?: { id: string; name?: string; isAdmin?: boolean };
  channel?: { id: string; guildId?: string };
  /** Every command, for /help. */
  commands: readonly Command[];
  /** The daily digest, when this process runs one (Discord/Slack with a database). */
  digests?: DigestControl;
  /** Where `runCommand` records each command served, when this process serves metrics. */
  metrics?: Metrics;
  /** How many headlines chat and text views show (from the configuration); renderers' defaults when absent. */
  limits?: HeadlineLimits;
}

export interface Command {
  definition: CommandDefinition;
  execute(args: CommandArgs, context: CommandContext): Promise<Reply>;
  /** Choices for an option marked `autocomplete`, given what the user typed so far (≤ 25). */
  autocomplete?(option: string, typed: string, context: CommandContext): OptionChoice[];
}
