/**
 * Posts a digest to a Discord channel over REST (no gateway needed). discord.js's REST client waits
 * out 429s itself (honouring Retry-After) but must not retry timeouts or 5xx (`retries: 0`): a post
 * whose answer was lost may have been created. Each message is sent with a `nonce` derived from the
 * digest and its part and `enforce_nonce: true`, so when it is sent again (a retry, or another
 * instance taking over) Discord returns the message it already created instead of a second copy.
 *
 * Discord remembers a nonce only for a few minutes, so an attempt that may follow a lost answer (a
 * retry, a later attempt, a takeover) first reads the channel's recent messages: the bot's own channel
 * messages since the digest was due — not interaction replies, which are webhook messages — are the
 * parts already posted, in order. The bot posts nothing else in channels over REST but previews
 * (`/digest preview`), and those are sent silent (SUPPRESS_NOTIFICATIONS): the flag comes back when the
 * channel is read, so a preview is never taken for a digest's part — whichever instance or process
 * posted it, even one whose own answer was lost.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, REST, type RESTOptions, Routes } from 'discord.js';
import type { Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { type DiscordMessagePayload, renderDiscordMessages } from '../render/discord.ts';
import type { Subscription } from '../store/subscriptions.ts';
import {
  cannotConfirm,
  DeliveryError,
  type DeliveryProgress,
  type DigestPoster,
  PREVIEW_PREFIX,
} from './delivery.ts';

/** Discord JSON error codes that mean the bot cannot post in that channel any more. */
const UNREACHABLE = new Map<number, string>([
  [10003, 'Unknown Channel (deleted)'],
  [10004, 'Unknown Guild (the bot was removed from the server)'],
  [50001, 'Missing Access'],
  [50013, 'Missing Permissions (Send Messages / Embed Links)'],
  [50007, 'Cannot send messages to this user'],
]);

/** Recent messages read to confirm earlier parts (a digest has a handful; others may have talked since). */
const RECENT_MESSAGES = 100;
/** Slack between this machine's clock and Discord's message timestamps. */
const CLOCK_SKEW_MS = 60_000;

interface ListedMessage {
  id: string;
  timestamp: string;
  author?: { id: string };
  webhook_id?: string;
  interaction?: unknown;
  interaction_metadata?: unknown;
  flags?: number;
}

/**
 * Discord's message flag for a silent message (no push or desktop notification), one of the two a bot
 * may set when posting. Only previews carry it — a preview should not ping the channel anyway — so it
 * tells a preview from a digest's part in the channel's history.
 */
const SUPPRESS_NOTIFICATIONS = 1 << 12;

export class DiscordPoster implements DigestPoster {
  readonly platform = 'discord' as const;
  #botUserId?: Promise<string>;

  constructor(private readonly rest: REST) {}

  static create(token: string, options: Partial<RESTOptions> = {}): DiscordPoster {
    return new DiscordPoster(new REST({ version: '10', ...options, retries: 0 }).setToken(token));
  }

  async post(
    s: Subscription,
    reply: Reply,
    taxonomy: Taxonomy,
    progress: DeliveryProgress = { messageIds: [] },
  ) {
    const payloads = renderDiscordMessages(reply, taxonomy).map(
      ({ components: _pagination, ...p }): DiscordMessagePayload => p,
    );
    if (s.mention) {
      const first = payloads[0];
      if (first) {
        // The one ping Briefer ever sends: the role this channel opted into, allowed by id and nothing else.
        first.content = `<@&${s.mention}>${first.content ? `\n${first.content}` : ''}`.slice(0, 2000);
        (first as { allowed_mentions: unknown }).allowed_mentions = { parse: [], roles: [s.mention] };
      }
    }
    const preview = progress.digestId?.startsWith(PREVIEW_PREFIX) ?? false;
    // Continue after the messages a failed attempt already posted, so a retry never repeats one.
    for (let part = progress.messageIds.length; part < payloads.length; part++) {
      if (progress.confirm && progress.since) {
        // Parts found are accepted, and the first missing one is posted below. A failed look throws
        // and leaves `confirm` set, so the next try looks again instead of posting.
        const earlier = (await this.#posted(s.channelId, progress.since, preview)) ?? [];
        progress.confirm = false;
        while (part < payloads.length && earlier[part] !== undefined) {
          progress.messageIds.push(earlier[part] as string);
          progress.onPosted?.(progress.messageIds);
          part++;
        }
        if (part >= payloads.length) break;
      }
      const body = {
        ...payloads[part],
        ...(progress.digestId ? { nonce: digestNonce(progress.digestId, part), enforce_nonce: true } : {}),
        ...(preview ? { flags: SUPPRESS_NOTIFICATIONS } : {}),
      };
      try {
        const message = (await this.rest.post(Routes.channelMessages(s.channelId), { body })) as {
          id: string;
        };
        progress.messageIds.push(message.id);
        progress.onPosted?.(progress.messageIds);
      } catch (error) {
        // An unknown outcome makes the runner set `progress.confirm`: the next try looks first.
        throw classify(error);
      }
    }
    return { messageIds: progress.messageIds };
  }

  /**
   * The bot's own channel messages since `since`, oldest first: the digest's (or, for `preview`, the
   * preview's) parts posted so far.
   * Undefined when the bot may not read the channel's history (an install from before Read Message
   * History was asked for): then the nonce is all there is, as before.
   */
  async #posted(channelId: string, since: Date, preview: boolean): Promise<string[] | undefined> {
    let listed: ListedMessage[];
    try {
      this.#botUserId ??= (this.rest.get(Routes.user()) as Promise<{ id: string }>).then((u) => u.id);
      const [me, messages] = await Promise.all([
        this.#botUserId,
        this.rest.get(Routes.channelMessages(channelId), {
          query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }),
        }) as Promise<ListedMessage[]>,
      ]);
      const from = since.getTime() - CLOCK_SKEW_MS;
      listed = messages.filter(
        (m) =>
          m.author?.id === me &&
          !m.webhook_id &&
          !m.interaction &&
          !m.interaction_metadata &&
          // A preview's parts are silent, a digest's are not: neither is taken for the other's.
          ((m.flags ?? 0) & SUPPRESS_NOTIFICATIONS) === (preview ? SUPPRESS_NOTIFICATIONS : 0) &&
          Date.parse(m.timestamp) >= from,
      );
    } catch (error) {
      if (error instanceof DiscordAPIError && error.status === 403) return undefined;
      this.#botUserId = undefined;
      throw cannotConfirm('Discord', error, classify(error));
    }
    // Snowflakes grow with time: oldest first is the order the parts were posted in.
    return listed
      .map((m) => m.id)
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  }
}

/** At most 25 characters (Discord's limit), the same for the same digest part everywhere. */
export function digestNonce(digestId: string, part: number): string {
  return createHash('sha256').update(`${digestId}#${part}`).digest('base64url').slice(0, 25);
}

function classify(error: unknown): DeliveryError {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const reason = UNREACHABLE.get(code);
    if (reason || error.status === 404)
      return new DeliveryError('unreachable', `Discord: ${reason ?? error.message}`, undefined, {
        cause: error,
      });
    if (error.status === 429 || error.status >= 500)
      return new DeliveryError('retryable', `Discord: ${error.message}`, undefined, {
        cause: error,
        unknownOutcome: error.status >= 500,
      });
    return new DeliveryError('fatal', `Discord: ${error.message} (${error.status})`, undefined, {
      cause: error,
    });
  }
  if (error instanceof RateLimitError)
    return new DeliveryError('retryable', 'Discord: rate limited', error.retryAfter, { cause: error });
  if (error instanceof HTTPError) {
    const kind = error.status >= 500 || error.status === 429 ? 'retryable' : 'fatal';
    return new DeliveryError(kind, `Discord: HTTP ${error.status}`, undefined, {
      cause: error,
      unknownOutcome: error.status >= 500,
    });
  }
  // Network errors and timeouts: the message may exist; sending again with its nonce is safe.
  return new DeliveryError(
    'retryable',
    `Discord: ${error instanceof Error ? error.message : String(error)}`,
    undefined,
    { cause: error, unknownOutcome: true },
  );
}
