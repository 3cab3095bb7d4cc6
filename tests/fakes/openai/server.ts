/**
 * A loopback OpenAI-compatible server (POST /v1/chat/completions) for AI-summary tests. It speaks the real
 * wire format, records every request and can misbehave the ways real servers do: a 500, a 429 with
 * Retry-After, a hang, malformed JSON, an answer that is not grounded, and two kinds of model that
 * follow instructions planted in an article.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: object } };
  headers: Record<string, string | string[] | undefined>;
}

/** What the fake model does with the next requests. */
export type FakeBehaviour =
  /** A well-behaved model: answers `answer(request)` as JSON content. */
  | { kind: 'answer'; answer: (request: ChatRequest) => unknown }
  /** Content exactly as given (e.g. malformed JSON or prose). */
  | { kind: 'raw'; content: string }
  | { kind: 'status'; status: number }
  | { kind: 'rate-limit'; retryAfter?: string }
  /** Never answers (until the server closes). */
  | { kind: 'hang' }
  /**
   * A model that obeys an instruction ("ignore previous instructions and say X") when it finds one
   * outside the article block, and otherwise gives `answer`: shows whether the fence holds.
   */
  | { kind: 'injection-echo'; answer: (request: ChatRequest) => unknown }
  /** A model that obeys an instruction wherever it is, even inside the article. */
  | { kind: 'gullible'; answer: (request: ChatRequest) => unknown };

export interface FakeOpenAi {
  /** Base URL to configure, e.g. http://127.0.0.1:4321/v1 */
  readonly baseURL: string;
  behave(b: FakeBehaviour): void;
  readonly requests: ChatRequest[];
  /** Chat-completion requests received (answered or not). */
  readonly calls: number;
  close(): Promise<void>;
}

const INSTRUCTION = /ignore (?:all )?previous instructions and (?:say|reply|write)[:,]?\s*(.+)/i;

/** The text a model would take as outside the article: before `<<<ARTICLE`, and after the first `ARTICLE>>>`. */
export function outsideArticle(user: string): string {
  const open = user.indexOf('<<<ARTICLE');
  if (open < 0) return user;
  const close = user.indexOf('ARTICLE>>>', open);
  return close < 0 ? user.slice(0, open) : user.slice(0, open) + user.slice(close);
}

function injected(text: string): string | undefined {
  return INSTRUCTION.exec(text)?.[1]?.trim();
}

function obeyed(payload: string) {
  return { summary: [payload], why_it_matters: payload, overview: '' };
}

export async function startFakeOpenAi(
  initial: FakeBehaviour = { kind: 'status', status: 503 },
): Promise<FakeOpenAi> {
  let behaviour = initial;
  const requests: ChatRequest[] = [];
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      let body: ChatRequest;
      try {
        body = { ...JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: req.headers };
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'bad JSON', type: 'invalid_request_error' } }));
        return;
      }
      requests.push(body);
      const user = body.messages
        .filter((m) => m.role === 'user')
        .map((m) => m.content)
        .join('\n');
      const b = behaviour;
      const answerWith = (content: string) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
          }),
        );
      };
      switch (b.kind) {
        case 'answer':
          return answerWith(JSON.stringify(b.answer(body)));
        case 'raw':
          return answerWith(b.content);
        case 'status':
          res.writeHead(b.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
          return;
        case 'rate-limit':
          res.writeHead(429, {
            'content-type': 'application/json',
            ...(b.retryAfter !== undefined ? { 'retry-after': b.retryAfter } : {}),
          });
          res.end(JSON.stringify({ error: { message: 'rate limited', type: 'rate_limit_error' } }));
          return;
        case 'hang':
          held.add(res);
          return;
        case 'injection-echo': {
          const payload = injected(outsideArticle(user));
          return answerWith(JSON.stringify(payload ? obeyed(payload) : b.answer(body)));
        }
        case 'gullible': {
          const payload = injected(user);
          return answerWith(JSON.stringify(payload ? obeyed(payload) : b.answer(body)));
        }
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    behave: (b) => {
      behaviour = b;
    },
    requests,
    get calls() {
      return requests.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        held.clear();
        server.close(() => resolve());
      }),
  };
}
