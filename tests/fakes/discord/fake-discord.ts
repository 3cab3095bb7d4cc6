/**
 * A fake Discord on 127.0.0.1 that speaks the real protocol, for end-to-end tests of the bot (and
 * later the daily digest). It serves:
 * - REST under `/api/v10`: `GET /gateway/bot`, interaction callbacks, the interaction webhook
 *   (edit/delete original, follow-ups), `POST /channels/{id}/messages`, command registration;
 * - a WebSocket gateway: HELLO, IDENTIFY → READY, heartbeats, RESUME → RESUMED, dispatches.
 *
 * Every REST request is recorded (`requests`) with what the fake answered. Message bodies are checked
 * against Discord's limits and rejected with 400 like Discord would; interactions must be answered
 * within 3 s (404 Unknown interaction afterwards), and acknowledged once. Any route can be made to
 * fail on demand (`failNext`: 429 + Retry-After, 403 Missing Access, 404 Unknown Channel…).
 *
 * @example
 * const discord = await startFakeDiscord();
 * // start the bot with DISCORD_API_BASE=discord.apiBase, DISCORD_TOKEN=discord.token …
 * await discord.waitForGateway();
 * const i = await discord.dispatchCommand('brief');
 * const answer = await discord.waitForAnswer(i);
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { HANG_GUARD_MS } from '../hang-guard.ts';
import {
  type ApiInteraction,
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  type InteractionPlace,
  type OptionValue,
} from './interactions.ts';
import { snowflake } from './snowflake.ts';
import { choiceProblems, messageProblems } from './validate.ts';

/** Discord's answers for common failures, for `failNext(route, DiscordErrors.missingAccess)`. */
export const DiscordErrors = {
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
  missingPermissions: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
  unknownChannel: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  unknownWebhook: { status: 404, body: { message: 'Unknown Webhook', code: 10015 } },
  alreadyAcknowledged: {
    status: 400,
    body: { message: 'Interaction has already been acknowledged.', code: 40060 },
  },
  unauthorized: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
  serverError: { status: 500, body: { message: 'Internal Server Error', code: 0 } },
} as const;

export interface Failure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1). */
  times?: number;
}

/** `'POST /channels/:channelId/messages'`, a concrete `'POST /channels/123/messages'`, or a RegExp on `METHOD /path`. */
export type RouteMatcher = string | RegExp;

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Path under `/api/v10`, e.g. `/interactions/123/abc/callback`. */
  path: string;
  /** The route pattern, e.g. `POST /interactions/:id/:token/callback` (or `METHOD /path` if unknown). */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, if any. */
  body: unknown;
  /** What the fake answered. */
  status: number;
  /** Why the fake rejected the body (Discord's limits), if it did. */
  problems: string[];
  /** performance.now() when the request arrived. */
  at: number;
  /** The id of the message this request created (channel message or follow-up). */
  messageId?: string;
}

/** A message as the fake stores it (and returns it, Discord-shaped). */
/** How long Discord remembers a nonce for `enforce_nonce` ("a few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  flags: number;
  allowed_mentions?: unknown;
  deleted?: boolean;
  /** For interaction responses: the callback type that created it (4 reply, 5 deferred). */
  interaction?: { id: string; type: number };
  /** When it was created (Discord's `timestamp`; now, when not recorded). */
  createdAt?: string;
}

export interface Answer {
  /** Every request about this interaction, in order. */
  requests: RecordedRequest[];
  /** The callback type Discord received (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete). */
  callbackType: number;
  /** The message the user finally sees (original response or the follow-up), if any. */
  message?: StoredMessage;
  /** Autocomplete choices. */
  choices?: Array<{ name: string; value: string | number }>;
}

export interface GatewayIdentify {
  token: string;
  intents: number;
  properties: unknown;
  compress?: boolean;
  shard?: [number, number];
}

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot …` and IDENTIFY). */
  token?: string;
  applicationId?: string;
  botUserId?: string;
  /** Sent in HELLO (Discord: 41,250 ms). */
  heartbeatIntervalMs?: number;
  /** Interactions not answered within this get 404 Unknown interaction, as on Discord (default 3,000 ms). */
  answerWindowMs?: number;
}

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  /** Interaction and webhook routes take no bot token. */
  auth: boolean;
}

function route(method: string, pattern: string, auth = true): Route {
  const keys: string[] = [];
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, k: string) => {
    keys.push(k);
    return '([^/]+)';
  });
  return { method, pattern, regex: new RegExp(`^${source}$`), keys, auth };
}

const ROUTES: Route[] = [
  route('GET', '/gateway/bot'),
  route('GET', '/gateway', false),
  route('POST', '/interactions/:id/:token/callback', false),
  route('GET', '/webhooks/:applicationId/:token/messages/:messageId', false),
  route('PATCH', '/webhooks/:applicationId/:token/messages/:messageId', false),
  route('DELETE', '/webhooks/:applicationId/:token/messages/:messageId', false),
  route('POST', '/webhooks/:applicationId/:token', false),
  route('POST', '/channels/:channelId/messages'),
  route('GET', '/channels/:channelId/messages'),
  route('GET', '/channels/:channelId'),
  route('GET', '/users/@me'),
  route('GET', '/applications/@me'),
  route('PUT', '/applications/:applicationId/commands'),
  route('PUT', '/applications/:applicationId/guilds/:guildId/commands'),
  route('GET', '/applications/:applicationId/commands'),
  route('GET', '/applications/:applicationId/guilds/:guildId/commands'),
];

interface InteractionState {
  interaction: ApiInteraction;
  createdAt: number;
  acknowledged?: number;
  original?: StoredMessage;
}

interface Session {
  id: string;
  seq: number;
  socket?: WebSocket;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** How long a nonce is remembered for `enforce_nonce` (tests set 0 to stand for a window that passed). */
  nonceWindowMs = NONCE_WINDOW_MS;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly user = { id: snowflake(), username: 'reader', global_name: 'Reader' };
  apiBase = '';
  gatewayUrl = '';

  readonly requests: RecordedRequest[] = [];
  /** Messages posted to channels (`POST /channels/{id}/messages`), in order. */
  readonly channelMessages: StoredMessage[] = [];
  readonly identifies: GatewayIdentify[] = [];
  resumes = 0;
  heartbeats = 0;
  /** Commands last registered, by scope (`global` or a guild id). */
  readonly registeredCommands = new Map<string, unknown[]>();

  readonly #options: Required<Pick<FakeDiscordOptions, 'heartbeatIntervalMs' | 'answerWindowMs'>>;
  readonly #server = createServer((req, res) => void this.#serve(req, res));
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sockets = new Set<Socket>();
  readonly #failures: Array<{ matcher: RouteMatcher; failure: Failure; left: number }> = [];
  readonly #interactions = new Map<string, InteractionState>();
  readonly #messages = new Map<string, StoredMessage>();
  /** `channel|nonce` → the message it created and when, for `enforce_nonce`. */
  readonly #nonces = new Map<string, { message: StoredMessage; at: number }>();
  readonly #slow: Array<{ matcher: RouteMatcher; delayMs: number; left: number }> = [];
  readonly #sessions = new Map<string, Session>();
  readonly #listeners = new Set<() => void>();
  #live?: Session;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? `MTE${snowflake()}.fake.${Math.random().toString(36).slice(2)}`;
    this.applicationId = options.applicationId ?? snowflake();
    this.botUserId = options.botUserId ?? this.applicationId;
    this.#options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      answerWindowMs: options.answerWindowMs ?? 3_000,
    };
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    this.#server.on('upgrade', (req, socket, head) => {
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#gatewayConnection(ws, req));
    });
  }

  async listen(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    const { port } = this.#server.address() as AddressInfo;
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    return this;
  }

  /** The bot's own user object, as READY and every message it authors carry it. */
  #botUser() {
    return {
      id: this.botUserId,
      username: 'Briefer',
      discriminator: '0',
      bot: true,
      avatar: null,
      global_name: null,
    };
  }

  /** Where interactions happen by default (the fake's guild, channel and user). */
  get place(): InteractionPlace {
    return {
      applicationId: this.applicationId,
      guildId: this.guildId,
      channelId: this.channelId,
      user: this.user,
    };
  }

  // ---------------------------------------------------------------- failures on demand

  /** The next `times` requests matching `route` get this answer instead of the normal one. */
  failNext(route: RouteMatcher, failure: Failure): void;
  failNext(route: RouteMatcher, status: number, body?: unknown, headers?: Record<string, string>): void;
  failNext(route: RouteMatcher, a: number | Failure, body?: unknown, headers?: Record<string, string>): void {
    const failure = typeof a === 'number' ? { status: a, body, headers } : a;
    this.#failures.push({ matcher: route, failure, left: failure.times ?? 1 });
  }

  /**
   * The next `times` requests matching `route` are handled at once (a message is created) but
   * answered after `delayMs`: a Discord that accepted a post whose answer the client gave up on.
   */
  slowNext(route: RouteMatcher, delayMs: number, options: { times?: number } = {}): void {
    this.#slow.push({ matcher: route, delayMs, left: options.times ?? 1 });
  }

  /** A 429 as Discord sends it: body `retry_after` and a `Retry-After` header (seconds). */
  rateLimitNext(
    route: RouteMatcher,
    retryAfterSeconds = 0.25,
    options: { global?: boolean; times?: number } = {},
  ): void {
    this.failNext(route, {
      status: 429,
      body: {
        message: 'You are being rate limited.',
        retry_after: retryAfterSeconds,
        global: Boolean(options.global),
      },
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-scope': options.global ? 'global' : 'user',
        ...(options.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      times: options.times,
    });
  }

  // ---------------------------------------------------------------- interactions

  /** Makes an interaction known to the fake (so its callbacks are accepted) without sending it. */
  register(interaction: ApiInteraction): ApiInteraction {
    this.#interactions.set(interaction.token, { interaction, createdAt: performance.now() });
    return interaction;
  }

  command(
    name: string,
    options: Record<string, OptionValue> = {},
    place: Partial<InteractionPlace> = {},
  ): ApiInteraction {
    return this.register(commandInteraction({ ...this.place, ...place }, name, options));
  }

  autocomplete(
    name: string,
    focused: string,
    typed: string,
    place: Partial<InteractionPlace> = {},
  ): ApiInteraction {
    return this.register(autocompleteInteraction({ ...this.place, ...place }, name, focused, typed));
  }

  /** A click on `customId` of a message the bot sent (its current state, as Discord would include it). */
  button(message: StoredMessage, customId: string, place: Partial<InteractionPlace> = {}): ApiInteraction {
    const i = this.register(
      buttonInteraction({ ...this.place, ...place }, customId, this.#apiMessage(message)),
    );
    const state = this.#interactions.get(i.token);
    if (state) state.original = message;
    return i;
  }

  /** Sends INTERACTION_CREATE over the gateway; resolves with the interaction and when it was sent. */
  async dispatchInteraction(interaction: ApiInteraction): Promise<ApiInteraction & { sentAt: number }> {
    if (!this.#interactions.has(interaction.token)) this.register(interaction);
    const state = this.#interactions.get(interaction.token) as InteractionState;
    // Discord's 3 s window starts when the interaction is sent.
    state.createdAt = performance.now();
    this.dispatch('INTERACTION_CREATE', interaction);
    return Object.assign(interaction, { sentAt: state.createdAt });
  }

  dispatchCommand(
    name: string,
    options: Record<string, OptionValue> = {},
    place: Partial<InteractionPlace> = {},
  ) {
    return this.dispatchInteraction(this.command(name, options, place));
  }

  dispatchAutocomplete(name: string, focused: string, typed: string) {
    return this.dispatchInteraction(this.autocomplete(name, focused, typed));
  }

  dispatchButton(message: StoredMessage, customId: string) {
    return this.dispatchInteraction(this.button(message, customId));
  }

  /** Requests about one interaction (its callback and webhook calls), in order. */
  requestsFor(interaction: { token: string }): RecordedRequest[] {
    return this.requests.filter((r) => r.params.token === interaction.token);
  }

  /**
   * Waits until the user sees the bot's answer to `interaction`: an immediate reply, update or
   * autocomplete; or, after a defer, the edit of the original or a follow-up.
   */
  async waitForAnswer(interaction: { token: string }, timeoutMs = HANG_GUARD_MS): Promise<Answer> {
    return this.#waitFor(
      () => this.#answer(interaction),
      timeoutMs,
      `an answer to interaction ${interaction.token}`,
    );
  }

  #answer(interaction: { token: string }): Answer | undefined {
    const requests = this.requestsFor(interaction);
    const callback = requests.find((r) => r.route.endsWith('/callback') && r.status < 300);
    if (!callback) return undefined;
    const callbackType = (callback.body as { type: number }).type;
    const state = this.#interactions.get(interaction.token);
    if (callbackType === 8) {
      const choices = ((callback.body as { data?: { choices?: Answer['choices'] } }).data?.choices ??
        []) as Answer['choices'];
      return { requests, callbackType, choices };
    }
    if (callbackType === 4 || callbackType === 7) return { requests, callbackType, message: state?.original };
    const later = requests.filter((r) => r.seq > callback.seq && r.status < 300 && r.method !== 'DELETE');
    const edit = later.find((r) => r.method === 'PATCH' || r.method === 'POST');
    if (!edit) return undefined;
    const message = edit.method === 'POST' ? this.#messages.get(edit.messageId ?? '') : state?.original;
    return { requests, callbackType, message };
  }

  /**
   * What Discord does with the HTTP response of an HTTP interaction: checks it like a callback and
   * records the original message, so later webhook edits are accepted. Returns Discord's objections.
   */
  acknowledge(interaction: { id: string; token: string }, response: unknown): string[] {
    let problems: string[] = [];
    const reject = (p: string[]) => {
      problems = p;
      return new HttpError(400, { message: 'Invalid Form Body', code: 50035 });
    };
    try {
      this.#callback(
        { id: interaction.id, token: interaction.token },
        new URLSearchParams(),
        response,
        reject,
      );
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return problems.length ? problems : [JSON.stringify(error.body)];
    }
    this.#changed();
    return [];
  }

  /** The current state of an interaction's original response (after edits). */
  original(interaction: { token: string }): StoredMessage | undefined {
    return this.#interactions.get(interaction.token)?.original;
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves with the first request (past or future) matching `matcher`. */
  waitForRequest(
    matcher: RouteMatcher | ((r: RecordedRequest) => boolean),
    timeoutMs = HANG_GUARD_MS,
  ): Promise<RecordedRequest> {
    const test =
      typeof matcher === 'function'
        ? matcher
        : (r: RecordedRequest) =>
            this.#matches(matcher, r.method, r.path, r.route.slice(r.method.length + 1));
    return this.#waitFor(() => this.requests.find(test), timeoutMs, `a request matching ${String(matcher)}`);
  }

  /** Resolves when a bot is connected to the gateway and identified or resumed. */
  waitForGateway(timeoutMs = HANG_GUARD_MS): Promise<void> {
    return this.#waitFor(() => (this.#live?.socket ? true : undefined), timeoutMs, 'a gateway session').then(
      () => {},
    );
  }

  #waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const listener = () => {
        const value = probe();
        if (value === undefined) return;
        done();
        resolve(value);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
      };
      this.#listeners.add(listener);
    });
  }

  #changed(): void {
    for (const l of [...this.#listeners]) l();
  }

  // ---------------------------------------------------------------- gateway

  /** Sends a dispatch (op 0) to the connected bot. */
  dispatch(t: string, d: unknown): void {
    const session = this.#live;
    if (!session?.socket) throw new Error('fake Discord: no bot connected to the gateway');
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  /**
   * Drops the gateway connection, as a network blip or a Discord restart would: `code` 4000 (or a
   * `terminate` without close frame) lets the client resume; it reconnects on its own.
   */
  disconnect(how: { code?: number } | 'terminate' = { code: 4000 }): void {
    const socket = this.#live?.socket;
    if (!socket) return;
    if (this.#live) this.#live.socket = undefined;
    if (how === 'terminate') socket.terminate();
    else socket.close(how.code ?? 4000, 'fake disconnect');
  }

  #gatewayConnection(ws: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'ws://x').searchParams;
    if (query.get('v') !== '10' || query.get('encoding') !== 'json' || query.has('compress')) {
      ws.close(4012, 'Invalid API version');
      return;
    }
    const send = (payload: unknown) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.#options.heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      let msg: { op: number; d: Record<string, unknown> | null };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      switch (msg.op) {
        case 1:
          this.heartbeats += 1;
          send({ op: 11 });
          break;
        case 2: {
          const d = msg.d as unknown as GatewayIdentify;
          this.identifies.push(d);
          if (d.token !== this.token) {
            ws.close(4004, 'Authentication failed.');
            return;
          }
          const session: Session = { id: Math.random().toString(36).slice(2), seq: 0, socket: ws };
          this.#sessions.set(session.id, session);
          this.#live = session;
          this.dispatch('READY', {
            v: 10,
            user: this.#botUser(),
            guilds: [],
            session_id: session.id,
            resume_gateway_url: this.gatewayUrl,
            shard: d.shard ?? [0, 1],
            application: { id: this.applicationId, flags: 0 },
          });
          this.#changed();
          break;
        }
        case 6: {
          const d = msg.d as { token: string; session_id: string; seq: number };
          const session = this.#sessions.get(d.session_id);
          if (d.token !== this.token || !session) {
            send({ op: 9, d: false });
            return;
          }
          this.resumes += 1;
          session.socket = ws;
          this.#live = session;
          this.dispatch('RESUMED', null);
          this.#changed();
          break;
        }
        default:
          break;
      }
    });
    ws.on('close', () => {
      if (this.#live?.socket === ws) this.#live.socket = undefined;
    });
  }

  // ---------------------------------------------------------------- REST

  #matches(matcher: RouteMatcher, method: string, path: string, pattern?: string): boolean {
    const line = `${method} ${path}`;
    if (matcher instanceof RegExp) return matcher.test(line);
    return matcher === line || (pattern !== undefined && matcher === `${method} ${pattern}`);
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v10(?=\/)/, '');
    const match = ROUTES.map((r) => ({ r, m: r.method === method ? r.regex.exec(path) : null })).find(
      (x) => x.m,
    );
    const params: Record<string, string> = {};
    match?.r.keys.forEach((k, i) => {
      params[k] = decodeURIComponent(match.m?.[i + 1] ?? '');
    });
    const record: RecordedRequest = {
      seq: this.requests.length + 1,
      method,
      path,
      route: `${method} ${match?.r.pattern ?? path}`,
      params,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      status: 0,
      problems: [],
      at,
    };

    let status = 200;
    let answer: unknown;
    let headers: Record<string, string> = {};
    try {
      if (!url.pathname.startsWith('/api/v10/'))
        throw new HttpError(404, { message: '404: Not Found', code: 0 });
      const failure = this.#failures.find(
        (f) => f.left > 0 && this.#matches(f.matcher, method, path, match?.r.pattern),
      );
      if (failure) {
        failure.left -= 1;
        status = failure.failure.status;
        answer = failure.failure.body ?? { message: `fake failure ${status}`, code: 0 };
        headers = failure.failure.headers ?? {};
      } else {
        if (!match) throw new HttpError(404, { message: '404: Not Found', code: 0 });
        if (match.r.auth && req.headers.authorization !== `Bot ${this.token}`) {
          throw new HttpError(DiscordErrors.unauthorized.status, DiscordErrors.unauthorized.body);
        }
        [status, answer] = this.#handle(match.r.pattern, method, params, url.searchParams, body, record);
      }
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      answer = error.body;
    }
    record.status = status;
    this.requests.push(record);
    const slow = this.#slow.find(
      (x) => x.left > 0 && this.#matches(x.matcher, method, path, match?.r.pattern),
    );
    if (slow) {
      slow.left -= 1;
      this.#changed();
      await new Promise((r) => setTimeout(r, slow.delayMs));
      if (res.destroyed) return;
    }
    const text = answer === undefined ? '' : JSON.stringify(answer);
    res.writeHead(status, {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...headers,
    });
    res.end(text);
    this.#changed();
  }

  #handle(
    pattern: string,
    method: string,
    params: Record<string, string>,
    query: URLSearchParams,
    body: unknown,
    record: RecordedRequest,
  ): [number, unknown] {
    const reject = (problems: string[]) => {
      record.problems = problems;
      return new HttpError(400, {
        message: 'Invalid Form Body',
        code: 50035,
        errors: Object.fromEntries(
          problems.map((p, i) => [i, { _errors: [{ code: 'BASE_TYPE_INVALID', message: p }] }]),
        ),
      });
    };
    switch (`${method} ${pattern}`) {
      case 'GET /gateway':
        return [200, { url: this.gatewayUrl }];
      case 'GET /gateway/bot':
        return [
          200,
          {
            url: this.gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          },
        ];
      case 'GET /users/@me':
        return [
          200,
          { id: this.botUserId, username: 'Briefer', discriminator: '0', bot: true, avatar: null },
        ];
      case 'GET /applications/@me':
        return [200, { id: this.applicationId, name: 'Briefer', flags: 0, bot_public: true }];
      case 'GET /channels/:channelId':
        return [200, { id: params.channelId, type: 0, guild_id: this.guildId, name: 'news' }];
      case 'PUT /applications/:applicationId/commands':
      case 'PUT /applications/:applicationId/guilds/:guildId/commands': {
        if (params.applicationId !== this.applicationId)
          throw new HttpError(403, DiscordErrors.missingAccess.body);
        const saved = (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({
          ...c,
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          ...(params.guildId ? { guild_id: params.guildId } : {}),
        }));
        this.registeredCommands.set(params.guildId ?? 'global', saved);
        return [200, saved];
      }
      case 'GET /applications/:applicationId/commands':
        return [200, this.registeredCommands.get('global') ?? []];
      case 'GET /applications/:applicationId/guilds/:guildId/commands':
        return [200, this.registeredCommands.get(params.guildId ?? '') ?? []];
      case 'GET /channels/:channelId/messages': {
        // Newest first, at most `limit` (1–100, default 50), as Discord lists a channel's messages.
        const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
        const inChannel = [...this.#messages.values()].filter(
          (m) => m.channel_id === params.channelId && !m.deleted,
        );
        return [
          200,
          inChannel
            .reverse()
            .slice(0, limit)
            .map((m) => this.#apiMessage(m)),
        ];
      }
      case 'POST /channels/:channelId/messages': {
        const problems = messageProblems(body, { create: true });
        const data = body as Record<string, unknown>;
        const nonce = data?.nonce;
        if (
          nonce !== undefined &&
          !(typeof nonce === 'string' ? nonce.length <= 25 : Number.isInteger(nonce))
        )
          problems.push('nonce: must be a string of at most 25 characters or an integer');
        if (data?.enforce_nonce === true && nonce === undefined)
          problems.push('enforce_nonce: needs a nonce');
        // Of the message flags, a bot may set only SUPPRESS_EMBEDS (4) and SUPPRESS_NOTIFICATIONS (4096).
        if (data?.flags !== undefined && (typeof data.flags !== 'number' || (data.flags & ~(4 | 4096)) !== 0))
          problems.push('flags: only SUPPRESS_EMBEDS and SUPPRESS_NOTIFICATIONS may be set on a new message');
        if (problems.length) throw reject(problems);
        // Discord: with enforce_nonce, a second message with the same nonce from the same author within
        // a few minutes is not created; the first one comes back instead.
        const nonceKey = `${params.channelId}|${String(nonce)}`;
        const earlier = data.enforce_nonce === true ? this.#nonces.get(nonceKey) : undefined;
        if (earlier && performance.now() - earlier.at < this.nonceWindowMs) {
          record.messageId = earlier.message.id;
          return [200, { ...this.#apiMessage(earlier.message), nonce }];
        }
        const message = this.#store(params.channelId ?? '', data);
        if (data.enforce_nonce === true) this.#nonces.set(nonceKey, { message, at: performance.now() });
        this.channelMessages.push(message);
        record.messageId = message.id;
        return [200, { ...this.#apiMessage(message), ...(nonce !== undefined ? { nonce } : {}) }];
      }
      case 'POST /interactions/:id/:token/callback':
        return this.#callback(params, query, body, reject);
      case 'GET /webhooks/:applicationId/:token/messages/:messageId':
      case 'PATCH /webhooks/:applicationId/:token/messages/:messageId':
      case 'DELETE /webhooks/:applicationId/:token/messages/:messageId': {
        const state = this.#webhook(params);
        const message =
          params.messageId === '@original' ? state.original : this.#messages.get(params.messageId ?? '');
        if (!message || message.deleted)
          throw new HttpError(404, { message: 'Unknown Message', code: 10008 });
        if (method === 'GET') return [200, this.#apiMessage(message)];
        if (method === 'DELETE') {
          message.deleted = true;
          return [204, undefined];
        }
        const problems = messageProblems(body, { create: false });
        if (problems.length) throw reject(problems);
        this.#edit(message, body as Record<string, unknown>);
        return [200, this.#apiMessage(message)];
      }
      case 'POST /webhooks/:applicationId/:token': {
        const state = this.#webhook(params);
        const problems = messageProblems(body, { create: true });
        if (problems.length) throw reject(problems);
        const message = this.#store(String(state.interaction.channel_id), body as Record<string, unknown>);
        record.messageId = message.id;
        return [200, this.#apiMessage(message)];
      }
      default:
        throw new HttpError(404, { message: '404: Not Found', code: 0 });
    }
  }

  #callback(
    params: Record<string, string>,
    query: URLSearchParams,
    body: unknown,
    reject: (problems: string[]) => HttpError,
  ): [number, unknown] {
    const state = this.#interactions.get(params.token ?? '');
    if (!state || state.interaction.id !== params.id)
      throw new HttpError(404, DiscordErrors.unknownInteraction.body);
    if (state.acknowledged) throw new HttpError(400, DiscordErrors.alreadyAcknowledged.body);
    if (performance.now() - state.createdAt > this.#options.answerWindowMs) {
      throw new HttpError(404, DiscordErrors.unknownInteraction.body);
    }
    const { type, data } = (body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const isComponent = state.interaction.type === 3;
    const isAutocomplete = state.interaction.type === 4;
    const allowed = isAutocomplete ? [8] : isComponent ? [4, 5, 6, 7] : [4, 5];
    if (type === undefined || !allowed.includes(type))
      throw reject([`type: ${type} is not valid for this interaction`]);
    if (type === 8) {
      const problems = choiceProblems(data);
      if (problems.length) throw reject(problems);
    }
    if (type === 4 || type === 7) {
      const problems = messageProblems(data, { create: type === 4 });
      if (problems.length) throw reject(problems);
    }
    state.acknowledged = performance.now();
    const channel = String(state.interaction.channel_id);
    if (type === 4) state.original = this.#store(channel, data ?? {}, { id: state.interaction.id, type });
    if (type === 5)
      state.original = this.#store(channel, { flags: data?.flags ?? 0 }, { id: state.interaction.id, type });
    if (type === 7 && state.original) this.#edit(state.original, data ?? {});
    if (query.get('with_response') === 'true') {
      return [
        200,
        {
          interaction: { id: state.interaction.id, type: state.interaction.type },
          resource: { type, ...(state.original ? { message: this.#apiMessage(state.original) } : {}) },
        },
      ];
    }
    return [204, undefined];
  }

  #webhook(params: Record<string, string>): InteractionState {
    const state = this.#interactions.get(params.token ?? '');
    if (!state || params.applicationId !== this.applicationId)
      throw new HttpError(404, DiscordErrors.unknownWebhook.body);
    if (!state.acknowledged) throw new HttpError(404, DiscordErrors.unknownWebhook.body);
    return state;
  }

  #store(
    channelId: string,
    data: Record<string, unknown>,
    interaction?: StoredMessage['interaction'],
  ): StoredMessage {
    const message: StoredMessage = {
      id: snowflake(),
      channel_id: channelId,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: (data.embeds as StoredMessage['embeds']) ?? [],
      components: (data.components as StoredMessage['components']) ?? [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
      allowed_mentions: data.allowed_mentions,
      interaction,
      createdAt: new Date().toISOString(),
    };
    this.#messages.set(message.id, message);
    return message;
  }

  #edit(message: StoredMessage, data: Record<string, unknown>): void {
    if (typeof data.content === 'string') message.content = data.content;
    if (Array.isArray(data.embeds)) message.embeds = data.embeds;
    if (Array.isArray(data.components)) message.components = data.components;
    if ('allowed_mentions' in data) message.allowed_mentions = data.allowed_mentions;
  }

  #apiMessage(m: StoredMessage): Record<string, unknown> {
    return {
      id: m.id,
      channel_id: m.channel_id,
      type: m.interaction ? 20 : 0,
      content: m.content,
      embeds: m.embeds,
      components: m.components,
      flags: m.flags,
      author: this.#botUser(),
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: m.createdAt ?? new Date().toISOString(),
      edited_timestamp: null,
      application_id: this.applicationId,
      webhook_id: m.interaction ? this.applicationId : undefined,
    };
  }

  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
