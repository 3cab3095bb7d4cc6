/**
 * The only reader of `process.env`. Turns the environment into a typed config and fails naming the
 * variable that is wrong, e.g. `DIGEST_TIME: expected HH:MM (24-hour), got "7.30"`.
 */
import { z } from 'zod';
import { ConfigError } from './core/errors.ts';

/** Unset and empty-string variables are the same thing: absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const secret = z.string().trim().min(1);
const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const httpUrl = z.url({ protocol: /^https?$/ });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeOfDay = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
export const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris or UTC');

const channelRef = z
  .string()
  .trim()
  .regex(/^(slack|discord):[A-Za-z0-9]+$/, 'expected platform:id, e.g. slack:C0123 or discord:112233');

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );

export const EnvSchema = z.object({
  /** Unset: `info` for the bots, `warn` for the console and CLI (their stdout is the product). */
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),

  BRIEFER_SOURCE: z.string().trim().default('sample'),
  BRIEFER_SENTENCES: positiveInt(1, 20).default(3),
  BRIEFER_CATEGORIES: optional(z.string().trim()),
  BRIEFER_REFRESH_MINUTES: positiveInt(1, 24 * 60).default(15),
  BRIEFER_HEADLINE_HOURS: positiveInt(1, 24 * 14).default(24),
  BRIEFER_FETCH_TIMEOUT_MS: positiveInt(100, 120_000).default(10_000),
  BRIEFER_MAX_BYTES: positiveInt(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024),
  BRIEFER_MAX_FEED_ITEMS: positiveInt(1, 100_000).default(500),
  BRIEFER_MAX_ITEMS: positiveInt(1, 1_000_000).default(5000),
  /** Sent with every feed and article request; publishers like a contact address in it. */
  BRIEFER_USER_AGENT: optional(z.string().trim().min(1).max(300)),

  DISCORD_TOKEN: optional(secret),
  DISCORD_APPLICATION_ID: optional(z.string().trim().regex(/^\d+$/, 'expected a numeric application id')),
  DISCORD_GUILD_ID: optional(z.string().trim().regex(/^\d+$/, 'expected a numeric guild id')),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex characters'),
  ),
  DISCORD_API_BASE: optional(httpUrl),
  /** HTTP interactions mode listens here (default: PORT + 1, so it can run beside Slack's receiver). */
  DISCORD_HTTP_PORT: optional(positiveInt(0, 65535)),

  SLACK_BOT_TOKEN: optional(secret),
  SLACK_SIGNING_SECRET: optional(secret),
  SLACK_APP_TOKEN: optional(secret),
  SLACK_API_URL: optional(httpUrl),
  SLACK_DIGEST_ADMINS: list(
    z.string().regex(/^[UW][A-Z0-9]+$/, 'expected Slack user ids such as U0123'),
  ).default([]),

  PORT: positiveInt(0, 65535).default(3000),
  HOST: z.string().trim().default('0.0.0.0'),

  BRIEFER_DB: z.string().trim().default('var/briefer.db'),
  DIGEST_CHANNELS: list(channelRef).default([]),
  DIGEST_TIME: timeOfDay.default('07:30'),
  DIGEST_TZ: timeZone.default('UTC'),
  DIGEST_CATCHUP_HOURS: z.coerce.number().min(0).max(24).default(3),
});

export type Env = z.output<typeof EnvSchema>;

/** Which front ends the environment asks for. */
export interface Platforms {
  discordGateway: boolean;
  discordHttp: boolean;
  slack: boolean;
  slackSocketMode: boolean;
}

export interface Config {
  env: Env;
  platforms: Platforms;
}

/**
 * Parses the environment. Throws a ConfigError whose message names every bad variable, one per line.
 * Pairs are checked too: a Discord token without an application id is a mistake, not a console.
 */
export function loadConfig(raw: NodeJS.ProcessEnv = process.env): Config {
  // An empty `VAR=` line in .env means "not set", so defaults apply.
  const source = Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      const got = issue.path.length ? source[String(issue.path[0])] : undefined;
      // Never echo a value that could be a secret.
      const shown = got !== undefined && !/TOKEN|SECRET|KEY/.test(name) ? ` (got "${got}")` : '';
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID)
    problems.push('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set');
  if (env.DISCORD_PUBLIC_KEY && !env.DISCORD_APPLICATION_ID)
    problems.push('DISCORD_APPLICATION_ID: required when DISCORD_PUBLIC_KEY is set');
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN)
    problems.push(
      'SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)',
    );
  if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN)
    problems.push('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  if (problems.length) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);

  return {
    env,
    platforms: {
      discordGateway: Boolean(env.DISCORD_TOKEN),
      discordHttp: Boolean(env.DISCORD_PUBLIC_KEY),
      slack: Boolean(env.SLACK_BOT_TOKEN),
      slackSocketMode: Boolean(env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN),
    },
  };
}
