/**
 * Why an HTTP request failed, in words a feed owner can act on ("timed out after 10 s", "HTTP 404 Not
 * Found", "redirect loop"). The message never contains the URL: callers prefix the feed's name.
 */
export type FetchErrorKind =
  | 'timeout'
  | 'too-large'
  | 'http'
  | 'redirect'
  | 'network'
  | 'aborted'
  | 'content'
  /** The fetch policy would not let it go there (a private address reached through feed content). */
  | 'refused';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'host not found (DNS temporarily failing)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed by the server',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server sent no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending the body',
  HPE_INVALID_CONSTANT: 'the server did not answer with valid HTTP',
};

/** A one-line reason for a low-level fetch failure (undici hides the useful part in `cause`). */
export function describeNetworkError(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (NETWORK_CODES[code]) return NETWORK_CODES[code];
      if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `TLS certificate problem (${code})`;
    }
    const cause = (e as { cause?: unknown }).cause;
    if (!cause) break;
    e = cause;
  }
  const message = e instanceof Error ? e.message : String(e);
  return message === 'fetch failed' ? 'network error' : message;
}

export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0
    ? `${ms / 1000} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${ms} ms`;
}
