/**
 * Typed errors with a stable `code`. They are caught at the command boundary: logged in full,
 * shown to the user as their one-line `message`.
 */
export type BrieferErrorCode =
  | 'CONFIG_INVALID'
  | 'SOURCE_UNREADABLE'
  | 'SOURCE_EMPTY'
  | 'SOURCE_MALFORMED'
  | 'SOURCE_NETWORK'
  | 'TAXONOMY_INVALID'
  | 'MODEL_INVALID'
  | 'BRIEFING_FAILED'
  | 'USAGE'
  | 'PLATFORM_ERROR'
  | 'RATE_LIMITED'
  | 'STORE_ERROR';

export class BrieferError extends Error {
  override name = 'BrieferError';
  constructor(
    readonly code: BrieferErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Configuration (environment or flags) is missing or invalid; the message names the variable. */
export class ConfigError extends BrieferError {
  override name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
  }
}

/** A news source could not be read; the message names the source and the problem. */
export class SourceError extends BrieferError {
  override name = 'SourceError';
  constructor(
    code: 'SOURCE_UNREADABLE' | 'SOURCE_EMPTY' | 'SOURCE_MALFORMED' | 'SOURCE_NETWORK',
    readonly source: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${source}: ${problem}`, options);
  }
}

/** A user typed a command the wrong way; the message says how to type it. */
export class UsageError extends BrieferError {
  override name = 'UsageError';
  constructor(message: string) {
    super('USAGE', message);
  }
}

export function isBrieferError(error: unknown): error is BrieferError {
  return error instanceof BrieferError;
}

/** One line for a person: our own message, or a generic one for anything unexpected. */
export function userMessage(error: unknown): string {
  if (isBrieferError(error)) return error.message;
  return 'Something went wrong while building the briefing. The error was logged.';
}
