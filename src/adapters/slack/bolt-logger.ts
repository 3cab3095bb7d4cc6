/**
 * Bolt, the Web API client and the Socket Mode client log through their own Logger interface; this
 * sends their lines to Briefer's pino logger, with every known secret scrubbed from the text (a
 * signature failure or an HTTP error message must never leak the signing secret or a token).
 */
import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, scrubSecrets } from '../../log.ts';

const TO_SLACK: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/**
 * Bolt's receiver warns when a client goes away mid-body (or the listener's request deadline cuts it
 * off). That is the client's doing and can come by the thousand: like every listener, log it at debug.
 */
const CLIENT_GONE = /^Failed to parse(?: and verify)? the request (?:data|body): request aborted$/;

export function boltLogger(logger: Logger, secrets: Array<string | undefined>, name = 'slack'): BoltLogger {
  let component = name;
  const write =
    (asked: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      if (!logger.isLevelEnabled(asked)) return;
      const err = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const msg = scrubSecrets(rest.length ? format(...rest) : (err?.message ?? ''), secrets);
      const level = asked === 'warn' && CLIENT_GONE.test(msg) ? 'debug' : asked;
      if (!logger.isLevelEnabled(level)) return;
      const fields: Record<string, unknown> = { component };
      // The same error, so pino records its class and stack, with secrets scrubbed from its strings.
      if (err) fields.err = scrubError(err, secrets);
      logger[level](fields, msg);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // The level is Briefer's LOG_LEVEL; Bolt asking for another one is ignored.
    setLevel: () => {},
    getLevel: () => TO_SLACK[logger.level] ?? LogLevel.ERROR,
    setName: (n: string) => {
      component = n;
    },
  };
}

function scrubError(err: Error, secrets: Array<string | undefined>): Error {
  const copy = Object.create(Object.getPrototypeOf(err)) as Error & Record<string, unknown>;
  for (const [key, value] of Object.entries(err)) {
    copy[key] = typeof value === 'string' ? scrubSecrets(value, secrets) : value;
  }
  Object.defineProperty(copy, 'message', { value: scrubSecrets(err.message, secrets), writable: true });
  copy.stack = scrubSecrets(err.stack ?? '', secrets);
  return copy;
}
