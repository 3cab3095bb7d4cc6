/**
 * A fake Slack Web API (and Socket Mode endpoint) on 127.0.0.1, speaking the real wire protocol, for
 * end-to-end tests and the benchmark. Point a client at `apiUrl` (SLACK_API_URL).
 *
 * - Records every call (`calls`, `callsTo('chat.postMessage')`), failed ones too.
 * - Answers like Slack: `auth.test`, `chat.postMessage` (checked against Block Kit limits: an
 *   oversized payload gets `invalid_blocks` / `msg_blocks_too_long`), `apps.connections.open`
 *   (an `xapp-` token gets a `ws://` URL to the fake's own Socket Mode server), anything else `{ok:true}`.
 * - Keeps what `chat.postMessage` posted, per channel, with its `metadata`; `conversations.history`
 *   returns a channel's messages newest first, metadata only with `include_all_metadata` (as Slack).
 * - Answers slowly on demand: `slowNext('chat.postMessage', 2000)` stores the message at once and
 *   answers after 2 s — a platform that accepted a post whose answer the client gave up on.
 * - Fails on demand: `failNext('chat.postMessage', 'ratelimited', { retryAfter: 1 })` answers HTTP 429
 *   with Retry-After; `failNext(method, 'not_in_channel')` (or `channel_not_found`, any Slack error)
 *   answers `{ ok: false, error }`; `failNext(method, { status: 500 })` a bare HTTP error.
 * - Socket Mode: `socket.waitForConnections(1)`, then `socket.send('slash_commands', payload)` resolves
 *   with the app's ack (`{ envelope_id, payload? }`).
 *
 * @example
 * const slack = await startFakeSlack();
 * slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 1 });
 * // … run the code under test with SLACK_API_URL=slack.apiUrl …
 * expect(slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
 * await slack.close();
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { HANG_GUARD_MS } from '../hang-guard.ts';
import { messageProblems } from './block-kit-rules.ts';

export interface FakeSlackCall {
  method: string;
  /** Form fields (JSON-valued ones such as `blocks` decoded) or the JSON body. */
  params: Record<string, unknown>;
  /** The bearer token used, if any. */
  token?: string;
  /** HTTP status the fake answered with. */
  status: number;
  /** What the fake answered (parsed). */
  response: Record<string, unknown>;
  /** `performance.now()` when the call arrived. */
  at: number;
}

export type FakeFailure = 'ratelimited' | string | { status: number };

export interface FailOptions {
  /** Seconds sent in Retry-After with `ratelimited` (default 1). */
  retryAfter?: number;
  /** How many calls in a row fail (default 1). */
  times?: number;
  /** How many calls go through first (default 0): fail the second message of a digest, say. */
  after?: number;
}

export type FakeHandler = (
  params: Record<string, unknown>,
  call: Omit<FakeSlackCall, 'status' | 'response'>,
) => Record<string, unknown>;

export interface FakeSocketMode {
  /** Open Socket Mode connections. */
  readonly connections: number;
  /** Resolves once `count` connections are open (each sent `hello`); 0 waits for all to close. */
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  /** Sends an envelope (`slash_commands`, `interactive`, `events_api`) and resolves with the ack. */
  send(
    type: string,
    payload: Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<{ envelope_id: string; payload?: unknown }>;
  /** Every message the apps sent, parsed. */
  received: unknown[];
  /** Closes every connection (as Slack does when it rotates a pod). */
  dropAll(): void;
}

export interface FakeSlack {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `http://127.0.0.1:PORT/api/` — the Web API base URL (SLACK_API_URL). */
  apiUrl: string;
  calls: FakeSlackCall[];
  callsTo(method: string): FakeSlackCall[];
  /** The next call(s) to `method` fail as asked. */
  failNext(method: string, failure: FakeFailure, options?: FailOptions): void;
  /** The next `times` calls to `method` are handled at once but answered after `delayMs`. */
  slowNext(method: string, delayMs: number, options?: { times?: number }): void;
  /** Messages posted to a channel, oldest first (what `conversations.history` reads). */
  channelMessages(channel: string): FakeSlackMessage[];
  /** Replaces the default answer for `method`. */
  handle(method: string, handler: FakeHandler): void;
  /** Workspace members as `users.info` describes them (unknown ids get `user_not_found`). */
  users: Map<string, { is_admin?: boolean; is_owner?: boolean; name?: string }>;
  /** Resolves when `count` calls to `method` have been answered (any status). */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<FakeSlackCall[]>;
  socket: FakeSocketMode;
  close(): Promise<void>;
}

export interface FakeSlackMessage {
  ts: string;
  text: unknown;
  blocks: unknown;
  /** `{ event_type, event_payload }` as posted, if any. */
  metadata?: unknown;
  /** The token that posted it. */
  token?: string;
}

export interface FakeSlackOptions {
  /** Identity returned by auth.test. */
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends nested values (blocks, attachments…) as JSON strings.
    params[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const identity = {
    user_id: options.botUserId ?? 'U0BRIEFER',
    bot_id: options.botId ?? 'B0BRIEFER',
    team_id: options.teamId ?? 'T0FAKE',
  };
  const calls: FakeSlackCall[] = [];
  /** Per method, one entry per coming call: a failure, or null to let that call through. */
  const failures = new Map<string, Array<{ failure: FakeFailure; retryAfter: number } | null>>();
  const handlers = new Map<string, FakeHandler>();
  const users: FakeSlack['users'] = new Map();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const posted = new Map<string, FakeSlackMessage[]>();
  const slow = new Map<string, number[]>();
  let ts = 0;
  let port = 0;

  const defaults: Record<string, FakeHandler> = {
    'auth.test': (_p, call) =>
      call.token?.startsWith('xoxb-')
        ? { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'briefer', ...identity }
        : { ok: false, error: 'invalid_auth' },
    'chat.postMessage': (p, call) => {
      const problems = messageProblems(p);
      if (problems.length) {
        const tooLong = problems.includes('msg_blocks_too_long');
        return { ok: false, error: tooLong ? 'msg_blocks_too_long' : 'invalid_blocks', problems };
      }
      const metadata = p.metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
      if (
        metadata !== undefined &&
        (typeof metadata?.event_type !== 'string' || typeof metadata.event_payload !== 'object')
      )
        return { ok: false, error: 'invalid_metadata_format' };
      ts += 1;
      const stamp = `1700000000.${String(ts).padStart(6, '0')}`;
      const channel = String(p.channel);
      const list = posted.get(channel) ?? [];
      list.push({ ts: stamp, text: p.text, blocks: p.blocks, metadata, token: call.token });
      posted.set(channel, list);
      return {
        ok: true,
        channel: p.channel,
        ts: stamp,
        message: { text: p.text, blocks: p.blocks, ts: stamp },
      };
    },
    'conversations.history': (p) => {
      const limit = Math.min(Number(p.limit ?? 100) || 100, 999);
      const withMetadata = p.include_all_metadata === true || p.include_all_metadata === 'true';
      const messages = [...(posted.get(String(p.channel)) ?? [])]
        .reverse()
        .slice(0, limit)
        .map((m) => ({
          type: 'message',
          subtype: 'bot_message',
          ts: m.ts,
          text: m.text,
          blocks: m.blocks,
          bot_id: identity.bot_id,
          ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
        }));
      return { ok: true, messages, has_more: false };
    },
    'users.info': (p) => {
      const user = users.get(String(p.user));
      if (!user) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: {
          id: p.user,
          team_id: identity.team_id,
          name: user.name ?? String(p.user).toLowerCase(),
          deleted: false,
          is_admin: Boolean(user.is_admin),
          is_owner: Boolean(user.is_owner),
          is_primary_owner: false,
          is_bot: false,
        },
      };
    },
    'apps.connections.open': (_p, call) =>
      call.token?.startsWith('xapp-')
        ? { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=t${calls.length}` }
        : { ok: false, error: 'not_allowed_token_type' },
  };

  const answer = (
    res: ServerResponse,
    status: number,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const match = /^\/api\/([\w.]+)$/.exec(path);
      if (!match || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      const method = match[1] as string;
      const params = parseParams(
        Buffer.concat(chunks).toString('utf8'),
        String(req.headers['content-type'] ?? ''),
      );
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const token = bearer ?? (typeof params.token === 'string' ? params.token : undefined);
      const base = { method, params, token, at };

      let status = 200;
      let response: Record<string, unknown>;
      let headers: Record<string, string> = {};
      const queue = failures.get(method);
      const failure = queue?.shift();
      if (failure) {
        if (typeof failure.failure === 'object') {
          status = failure.failure.status;
          response = { ok: false, error: `http_${status}` };
        } else if (failure.failure === 'ratelimited') {
          status = 429;
          headers = { 'retry-after': String(failure.retryAfter) };
          response = { ok: false, error: 'ratelimited' };
        } else {
          response = { ok: false, error: failure.failure };
        }
      } else {
        const handler = handlers.get(method) ?? defaults[method] ?? (() => ({ ok: true }));
        response = handler(params, base);
      }
      calls.push({ ...base, status, response });
      const delay = slow.get(method)?.shift();
      if (delay) {
        // Handled (and stored) now, answered late: the client may have given up by then.
        setTimeout(() => {
          if (!res.destroyed) answer(res, status, response, headers);
        }, delay);
      } else answer(res, status, response, headers);
      events.emit('call', method);
    });
  });

  // Socket Mode: the URL apps.connections.open hands out.
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  const received: unknown[] = [];
  let envelope = 0;
  server.on('upgrade', (req, socket: Socket, head) => {
    if (!(req.url ?? '').startsWith('/link')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        events.emit('socket-close');
      });
      ws.on('message', (data) => {
        const message = safeJson(data.toString());
        received.push(message);
        events.emit('socket-message', message);
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: sockets.size,
          debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A0BRIEFER' },
        }),
      );
      events.emit('socket-open');
    });
  });

  const connections = new Set<Socket>();
  server.on('connection', (c: Socket) => {
    connections.add(c);
    c.on('close', () => connections.delete(c));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const waitFor = <T>(
    check: () => T | undefined,
    event: string,
    timeoutMs: number,
    what: string,
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      const now = check();
      if (now !== undefined) return resolve(now);
      const timer = setTimeout(() => {
        events.off(event, onEvent);
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const onEvent = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        events.off(event, onEvent);
        resolve(value);
      };
      events.on(event, onEvent);
    });

  const callsTo = (method: string) => calls.filter((c) => c.method === method);

  const socketMode: FakeSocketMode = {
    get connections() {
      return sockets.size;
    },
    waitForConnections: (count, timeoutMs = HANG_GUARD_MS) =>
      waitFor(
        () => (sockets.size === count ? true : undefined),
        count === 0 ? 'socket-close' : 'socket-open',
        timeoutMs,
        `${count} Socket Mode connection(s)`,
      ).then(() => {}),
    async send(type, payload, timeoutMs = HANG_GUARD_MS) {
      const [ws] = sockets;
      if (!ws) throw new Error('fake Slack: no Socket Mode connection');
      const id = `env-${++envelope}`;
      const acked = waitFor(
        () =>
          received.find(
            (m): m is { envelope_id: string; payload?: unknown } =>
              (m as { envelope_id?: string })?.envelope_id === id,
          ),
        'socket-message',
        timeoutMs,
        `the ack of envelope ${id}`,
      );
      ws.send(
        JSON.stringify({
          envelope_id: id,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
      return acked;
    },
    received,
    dropAll() {
      for (const ws of sockets) ws.terminate();
    },
  };

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    callsTo,
    failNext(method, failure, { retryAfter = 1, times = 1, after = 0 } = {}) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < after; i++) queue.push(null);
      for (let i = 0; i < times; i++) queue.push({ failure, retryAfter });
      failures.set(method, queue);
    },
    slowNext(method, delayMs, { times = 1 } = {}) {
      const queue = slow.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(delayMs);
      slow.set(method, queue);
    },
    channelMessages: (channel) => [...(posted.get(channel) ?? [])],
    users,
    handle(method, handler) {
      handlers.set(method, handler);
    },
    waitForCalls: (method, count, timeoutMs = HANG_GUARD_MS) =>
      waitFor(
        () => (callsTo(method).length >= count ? callsTo(method) : undefined),
        'call',
        timeoutMs,
        `${count} ${method} call(s)`,
      ),
    socket: socketMode,
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const c of connections) c.destroy();
      });
    },
  };
}
