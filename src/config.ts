/**
 * The only reader of `process.env`. Turns the environment into a typed config and fails naming the
 * variable that is wrong, e.g. `DIGEST_TIME: expected HH:MM (24-hour), got "7.30"`.
 */
import { z } from 'zod';
import { ConfigError } from './core/errors.ts';
import { DEFAULT_HEADLINE_LIMITS } from './render/limits.ts';

/** Unset and empty-string variables are the same thing: absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const secret = z.string().trim().min(1);
const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * `auto` (Discord's recommended count, all in this process), `N` (N shards, all here), `i,j/N`
 * (shards i and j of N here, the others on other instances: each shard must run exactly once), or
 * `none` (no gateway on this instance: HTTP interactions and digests only).
 */
export const discordShards = z
  .string()
  .trim()
  .regex(
    /^(none|auto|\d+|\d+(,\d+)*\/\d+)$/,
    "expected auto, a shard count such as 4, this instance's shards such as 0,1/4, or none",
  )
  .transform((v, ctx): { count: number | 'auto'; ids?: number[] } => {
    if (v === 'auto') return { count: 'auto' };
    if (v === 'none') return { count: 0 };
    const [ids, total] = v.includes('/') ? v.split('/') : [undefined, v];
    const count = Number(total);
    const list = ids?.split(',').map(Number);
    if (count < 1 || (list ?? []).some((i) => i >= count))
      ctx.addIssue({ code: 'custom', message: `shard ids must be below the shard count ${count}` });
    return list ? { count, ids: [...new Set(list)] } : { count };
  });
const httpUrl = z.url({ protocol: /^https?$/ });
/** `1`/`true`/`yes` or `0`/`false`/`no`. */
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(1|0|true|false|yes|no)$/, 'expected 1 or 0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
/** A host name or IP address to listen on. */
const listenHost = z
  .string()
  .trim()
  .regex(
    /^(\[?[0-9A-Fa-f:.]+\]?|[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?)$/,
    'expected a host name or IP address to listen on, e.g. 0.0.0.0 or 127.0.0.1',
  );

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
  /** A briefing is brief: headlines shown per category and in all (chat and text; JSON keeps all). */
  BRIEFER_MAX_PER_CATEGORY: positiveInt(1, 1000).default(DEFAULT_HEADLINE_LIMITS.maxPerCategory),
  BRIEFER_MAX_HEADLINES: positiveInt(1, 1000).default(DEFAULT_HEADLINE_LIMITS.maxHeadlines),
  /** Sent with every feed and article request; publishers like a contact address in it. */
  BRIEFER_USER_AGENT: optional(
    z
      .string()
      .trim()
      .min(1)
      .max(300)
      // A line break here would let the value add its own headers to every request.
      .refine(
        (v) =>
          ![...v].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) < 0xa0)),
        'must be one line without control characters (no CR/LF)',
      )
      // An HTTP header holds bytes: a character past U+00FF (an em dash, an emoji) fails every request.
      .refine(
        (v) => ![...v].some((c) => (c.codePointAt(0) ?? 0) > 0xff),
        'must be plain text an HTTP header can carry (ASCII or Latin-1; no dashes like "—", no emoji)',
      ),
  ),
  /** 1: article links and redirects may reach private addresses (intranet setups). See docs/security.md. */
  BRIEFER_FETCH_ALLOW_PRIVATE: flag.default(false),

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
  /** Every HTTP listener: a request's headers and body must arrive within this. */
  BRIEFER_REQUEST_TIMEOUT_MS: positiveInt(500, 120_000).default(10_000),
  /** Every HTTP listener: connections open at once. */
  BRIEFER_MAX_CONNECTIONS: positiveInt(10, 100_000).default(2_000),
  HOST: listenHost.default('0.0.0.0'),

  BRIEFER_DB: z.string().trim().default('var/briefer.db'),
  DIGEST_CHANNELS: list(channelRef).default([]),
  DIGEST_TIME: timeOfDay.default('07:30'),
  DIGEST_TZ: timeZone.default('UTC'),
  DIGEST_CATCHUP_HOURS: z.coerce.number().min(0).max(24).default(3),
  /** How long one digest post may take before its outcome counts as unknown (and is confirmed). */
  DIGEST_POST_TIMEOUT_MS: positiveInt(100, 120_000).default(10_000),
  /** Between digest scheduler ticks: how soon a change or a dead instance's claim is noticed. */
  DIGEST_POLL_SECONDS: positiveInt(1, 300).default(10),
  /** How long a digest claim outlives its instance (renewed every third of it while working). */
  DIGEST_LEASE_SECONDS: positiveInt(3, 600).default(15),
  /** Discord gateway shards this process runs (discord.js sharding); unset = one connection. */
  DISCORD_SHARDS: optional(discordShards),

  /** An OpenAI-compatible base URL (docs/ai-summaries.md); unset = extractive summaries only. */
  BRIEFER_LLM_URL: optional(httpUrl),
  BRIEFER_LLM_MODEL: optional(z.string().trim().min(1).max(200)),
  BRIEFER_LLM_API_KEY: optional(secret),
  BRIEFER_LLM_TIMEOUT_MS: positiveInt(100, 300_000).default(20_000),
  BRIEFER_LLM_MAX_CALLS_PER_HOUR: positiveInt(0, 10_000).default(60),
});

export type Env = z.output<typeof EnvSchema>;

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** `"value"` with control characters escaped (JSON style), cut short when long. */
function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  // JSON leaves DEL and the C1 controls raw, which a terminal shows as nothing at all.
  return JSON.stringify(shown).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

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
export interface LoadOptions {
  /**
   * False for the command line and `register:discord`: they only post (e.g. `briefer digest`) and never
   * receive Slack's requests or Discord's interactions, so a bot token without a signing secret, or
   * DISCORD_SHARDS=none without DISCORD_PUBLIC_KEY, is fine there.
   */
  receives?: boolean;
}

export function loadConfig(raw: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  // An empty `VAR=` line in .env means "not set", so defaults apply.
  const source = Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    // One line per variable: its problems joined, its value quoted with any line breaks escaped.
    const byName = new Map<string, string[]>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      // A list's bad entry is named by its position, e.g. `DIGEST_CHANNELS: entry 2: expected …`.
      const entry = typeof issue.path[1] === 'number' ? `entry ${issue.path[1] + 1}: ` : '';
      byName.set(name, [...(byName.get(name) ?? []), `${entry}${oneLine(issue.message)}`]);
    }
    const lines = [...byName].map(([name, messages]) => {
      const got = source[name];
      // Never echo a value that could be a secret.
      const shown = got !== undefined && !/TOKEN|SECRET|KEY/.test(name) ? ` (got ${quote(got)})` : '';
      return `${name}: ${[...new Set(messages)].join('; ')}${shown}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID)
    problems.push('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set');
  if (env.DISCORD_PUBLIC_KEY && !env.DISCORD_APPLICATION_ID)
    problems.push('DISCORD_APPLICATION_ID: required when DISCORD_PUBLIC_KEY is set');
  // No gateway and no interactions endpoint: nothing would receive Discord's commands, and the bot used
  // to fall back to the console without a word.
  if (
    (options.receives ?? true) &&
    env.DISCORD_TOKEN &&
    env.DISCORD_SHARDS?.count === 0 &&
    !env.DISCORD_PUBLIC_KEY
  )
    problems.push(
      'DISCORD_PUBLIC_KEY: required when DISCORD_SHARDS=none (without the gateway, commands arrive as HTTP interactions)',
    );
  if ((options.receives ?? true) && env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN)
    problems.push(
      'SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)',
    );
  if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN)
    problems.push('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  if (env.BRIEFER_LLM_URL && !env.BRIEFER_LLM_MODEL)
    problems.push('BRIEFER_LLM_MODEL: required when BRIEFER_LLM_URL is set (e.g. gpt-4o-mini or llama3.1)');
  if (problems.length) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);

  return {
    env,
    platforms: {
      discordGateway: Boolean(env.DISCORD_TOKEN) && env.DISCORD_SHARDS?.count !== 0,
      discordHttp: Boolean(env.DISCORD_PUBLIC_KEY),
      slack: Boolean(env.SLACK_BOT_TOKEN),
      slackSocketMode: Boolean(env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN),
    },
  };
}
