/**
 * A command is data (its definition: name, description, options) plus a handler that returns a
 * platform-neutral Reply. Adapters register commands from the definitions and render the replies.
 */
import type { Briefing } from '../core/schemas.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Logger } from '../log.ts';
import type { HeadlineLimits } from '../render/limits.ts';
import type { DigestControl } from '../schedule/digest-service.ts';
import type { BriefingProvider } from '../service/briefing-provider.ts';

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionChoice {
  name: string;
  value: string | number;
}

export interface OptionDefinition {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  choices?: OptionChoice[];
  /** For integers. */
  minValue?: number;
  maxValue?: number;
  /** For strings. */
  maxLength?: number;
  /** Offer completions as the user types (Discord autocomplete); the command's `autocomplete` answers. */
  autocomplete?: boolean;
}

export interface CommandDefinition {
  /** Lower-case, 1–32 characters, as Discord and Slack require. */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  /** Shown in help text, e.g. `[category]`. */
  usage?: string;
  options: OptionDefinition[];
  /** Only members who can manage the server/workspace may run it (Discord default member permissions). */
  adminOnly?: boolean;
}

export type ArgValue = string | number | boolean;
export type CommandArgs = Record<string, ArgValue | undefined>;

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
  /** How many headlines chat and text views show (from the configuration); renderers' defaults when absent. */
  limits?: HeadlineLimits;
}

/** What a command answers, before any platform formatting. */
export type View =
  | { kind: 'brief'; briefing: Briefing; limits?: HeadlineLimits }
  | { kind: 'story'; briefing: Briefing }
  | { kind: 'headlines'; briefing: Briefing; category?: string; limits?: HeadlineLimits }
  | { kind: 'help'; commands: CommandDefinition[] }
  | { kind: 'message'; tone: 'info' | 'success' | 'error'; title?: string; text: string };

export interface Reply {
  view: View;
  /** Ephemeral replies are seen only by the person who asked (Discord/Slack). */
  visibility: 'public' | 'ephemeral';
  /** Short lines shown above the content, e.g. "This briefing is 2 h old: the source failed to refresh". */
  notices?: string[];
}

export interface Command {
  definition: CommandDefinition;
  execute(args: CommandArgs, context: CommandContext): Promise<Reply>;
  /** Choices for an option marked `autocomplete`, given what the user typed so far (≤ 25). */
  autocomplete?(option: string, typed: string, context: CommandContext): OptionChoice[];
}
