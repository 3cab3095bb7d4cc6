/**
 * Errors from Discord's REST client quote the request URL, and interaction and webhook URLs contain
 * the interaction token. Logs get the error with those tokens (and the bot token) scrubbed.
 */
import { scrubSecrets } from '../../log.ts';

const TOKEN_IN_URL = /\/(interactions|webhooks)\/(\d+)\/[^/?\s"']+/g;

export function scrubText(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  return scrubSecrets(text.replace(TOKEN_IN_URL, '/$1/$2/[token]'), [...secrets]);
}

/** A plain, token-free copy of an error for `logger.error({ err })`. */
export function loggableError(error: unknown, secrets: ReadonlyArray<string | undefined> = []): unknown {
  if (!(error instanceof Error)) return scrubText(String(error), secrets);
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  const out: Record<string, unknown> = {
    type: e.name,
    message: scrubText(e.message, secrets),
    stack: e.stack ? scrubText(e.stack, secrets) : undefined,
  };
  if (e.code !== undefined) out.code = e.code;
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.method === 'string') out.method = e.method;
  if (typeof e.url === 'string') out.url = scrubText(e.url, secrets);
  if (e.cause !== undefined) out.cause = loggableError(e.cause, secrets);
  return out;
}
