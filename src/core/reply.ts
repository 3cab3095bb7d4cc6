/**
 * What a command or a digest answers, before any platform formatting: the renderers turn it into
 * Discord embeds, Slack blocks or text.
 */
import type { CommandDefinition } from './command-definition.ts';
import type { Briefing } from './schemas.ts';

/**
 * How many headlines a chat or text view shows (BRIEFER_MAX_PER_CATEGORY, BRIEFER_MAX_HEADLINES); the
 * renderers count the rest ("…and 7 more"). JSON keeps every headline. Defaults: src/render/limits.ts.
 */
export interface HeadlineLimits {
  /** Most headlines shown per category. */
  maxPerCategory: number;
  /** Most headlines shown in all. */
  maxHeadlines: number;
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
