import type { HeadlineLimits } from '../core/reply.ts';

/**
 * Every platform limit Briefer respects, in one place. Renderers import these; nothing else hard-codes them.
 * Sources: Discord API docs (message/embed/component limits), Slack Block Kit reference.
 */
export const DISCORD = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footerText: 2048,
  authorName: 256,
  embedsPerMessage: 10,
  /** Sum of all embed text in one message. */
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  optionsPerCommand: 25,
  commandDescription: 100,
  buttonsPerRow: 5,
  actionRows: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

export const SLACK = {
  sectionText: 3000,
  sectionFieldText: 2000,
  sectionFields: 10,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  blocksPerMessage: 50,
  /** Past roughly this many characters of blocks, chat.postMessage answers msg_blocks_too_long. */
  blocksCharBudget: 12000,
  /** `text` fallback: Slack truncates past 40,000; keep it readable well below. */
  fallbackText: 3000,
  buttonText: 75,
  actionValue: 2000,
  responseUrlPosts: 5,
} as const;

export type { HeadlineLimits };

/** The defaults of BRIEFER_MAX_PER_CATEGORY and BRIEFER_MAX_HEADLINES; renderers use them when a view has none. */
export const DEFAULT_HEADLINE_LIMITS: HeadlineLimits = { maxPerCategory: 5, maxHeadlines: 40 };
