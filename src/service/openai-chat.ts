/**
 * One chat-completions call to an OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp, LM Studio)
 * through the official `openai` client. The client is imported on the first call, so a Briefer without a
 * model configured never loads it. Failures come back as a ModelCallError saying what kind they are.
 */
import type OpenAI from 'openai';

export interface ChatOptions {
  baseURL: string;
  model: string;
  /** Optional: local servers need none. Never logged. */
  apiKey?: string;
  timeoutMs: number;
}

export type ChatMessage = { role: 'system' | 'user'; content: string };

/** Sends messages, asks for JSON matching `schema`, returns the reply's text. */
export type ChatCall = (messages: ChatMessage[], schema: { name: string; schema: object }) => Promise<string>;

export class ModelCallError extends Error {
  constructor(
    readonly kind: 'timeout' | 'rate-limited' | 'http' | 'network' | 'empty',
    message: string,
    /** From a 429's Retry-After (or retry-after-ms) header. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ModelCallError';
  }
}

export function createOpenAiChat(options: ChatOptions): ChatCall {
  let client: Promise<OpenAI> | undefined;
  const load = () => {
    client ??= import('openai').then(
      ({ default: OpenAI }) =>
        new OpenAI({
          baseURL: options.baseURL,
          apiKey: options.apiKey ?? 'not-needed',
          timeout: options.timeoutMs,
          // A failed call falls back to the extractive summary; the next refresh is the retry.
          maxRetries: 0,
        }),
    );
    return client;
  };
  return async (messages, schema) => {
    const openai = await load();
    const { APIConnectionTimeoutError, APIConnectionError, APIError } = await import('openai');
    try {
      const reply = await openai.chat.completions.create({
        model: options.model,
        messages,
        temperature: 0,
        response_format: {
          type: 'json_schema',
          json_schema: { name: schema.name, strict: true, schema: { ...schema.schema } },
        },
      });
      const content = reply.choices?.[0]?.message?.content;
      if (!content) throw new ModelCallError('empty', 'the model returned no content');
      return content;
    } catch (error) {
      if (error instanceof ModelCallError) throw error;
      if (error instanceof APIConnectionTimeoutError)
        throw new ModelCallError('timeout', `no answer within ${options.timeoutMs} ms`);
      if (error instanceof APIConnectionError) throw new ModelCallError('network', error.message);
      if (error instanceof APIError && error.status === 429)
        throw new ModelCallError(
          'rate-limited',
          'the model server is rate-limiting us (429)',
          retryAfter(error.headers),
        );
      if (error instanceof APIError)
        throw new ModelCallError('http', `the model server answered ${error.status ?? 'an error'}`);
      throw new ModelCallError('network', error instanceof Error ? error.message : String(error));
    }
  };
}

/** Milliseconds to wait from `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date. */
export function retryAfter(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
