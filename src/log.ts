/**
 * Structured logging (pino) to stderr, so stdout stays free for CLI output and console replies.
 * Secrets are redacted by key wherever they appear in a logged object.
 */
import { type Logger, pino } from 'pino';

export type { Logger };

const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'headers.authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.authorization',
  '*.headers.authorization',
  'env.DISCORD_TOKEN',
  'env.SLACK_BOT_TOKEN',
  'env.SLACK_APP_TOKEN',
  'env.SLACK_SIGNING_SECRET',
  'env.BRIEFER_LLM_API_KEY',
  'apiKey',
  '*.apiKey',
];

export function createLogger(
  level = 'info',
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    { level, base: { app: 'briefer' }, redact: { paths: REDACT, censor: '[redacted]' } },
    destination,
  );
}

/** Known secret values are also scrubbed from free text (error messages can quote a URL or header). */
export function scrubSecrets(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join('[redacted]');
  return out;
}
