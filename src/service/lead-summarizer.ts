/**
 * The lead story's model summary, at most once per story: cached by story identity + article hash in
 * the SummaryCache (store-backed, so restarts and other instances reuse it), claimed before calling so
 * two instances refreshing together make one call, and limited by an hourly budget and by a 429's
 * Retry-After. Whenever there is no grounded model summary, the answer is `undefined` and the reader
 * sees the extractive summary; the log says why.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  buildPrompt,
  checkAnswer,
  MODEL_ANSWER_JSON_SCHEMA,
  type ModelSummary,
  type PromptInput,
} from '../core/model-summary.ts';
import type { Logger } from '../log.ts';
import type { ReplayGuard, SummaryCache } from '../store/shared-state.ts';
import { HourlyCallBudget } from './call-budget.ts';
import { type ChatCall, ModelCallError } from './openai-chat.ts';

export interface LeadSummarizerOptions {
  chat: ChatCall;
  model: string;
  timeoutMs: number;
  maxCallsPerHour: number;
  cache: SummaryCache;
  /** Atomic claims and budget slots; shared by instances when store-backed. */
  claims: ReplayGuard;
  logger: Logger;
  now?: () => number;
}

/** A grounded summary is good for two days (the story will have moved on); a rejection for six hours. */
const KEEP_MS = 48 * 60 * 60 * 1000;
const KEEP_REJECTED_MS = 6 * 60 * 60 * 1000;
/** A 429 without Retry-After: wait this long before the next call. */
const DEFAULT_BACKOFF_MS = 60_000;

const CachedSchema = z.union([
  z.object({
    kind: z.literal('model'),
    sentences: z.array(z.string()).min(1),
    whyItMatters: z.string(),
    overview: z.string().optional(),
    model: z.string(),
  }),
  z.object({ kind: z.literal('rejected'), reason: z.string() }),
]);

export class LeadSummarizer {
  #blockedUntil = 0;
  readonly #budget: HourlyCallBudget;

  constructor(private readonly options: LeadSummarizerOptions) {
    this.#budget = new HourlyCallBudget(options.claims, options.maxCallsPerHour);
  }

  /** The model's grounded summary of the story, or undefined (extractive then). Never throws. */
  async summarize(input: PromptInput): Promise<ModelSummary | undefined> {
    const { logger, model } = this.options;
    const key = cacheKey(model, input);
    const story = input.story.title ?? input.story.url ?? 'lead story';
    try {
      const cached = await this.#cached(key);
      if (cached?.kind === 'model') return withoutKind(cached);
      if (cached) {
        logger.debug(
          { story, reason: cached.reason },
          'model summary was rejected before; extractive summary shown',
        );
        return undefined;
      }

      const now = this.options.now?.() ?? Date.now();
      if (now < this.#blockedUntil) {
        logger.info(
          { story, retryInMs: this.#blockedUntil - now },
          'model summary skipped: rate-limited (Retry-After)',
        );
        return undefined;
      }
      // One call per story across instances: whoever claims it calls; the others use the cache later.
      if (!(await this.options.claims.firstSeen(`claim:${key}`, this.options.timeoutMs + 5_000))) {
        logger.debug({ story }, 'model summary already being written elsewhere');
        return undefined;
      }
      if (!(await this.#budget.take())) {
        logger.warn(
          { story, maxCallsPerHour: this.options.maxCallsPerHour },
          'model summary skipped: over BRIEFER_LLM_MAX_CALLS_PER_HOUR; extractive summary shown',
        );
        return undefined;
      }

      const raw = await this.options.chat(buildPrompt(input), {
        name: 'lead_summary',
        schema: MODEL_ANSWER_JSON_SCHEMA,
      });
      const check = checkAnswer(raw, input);
      if (!check.ok) {
        logger.warn(
          { story, model, reason: check.reason, ...(check.missing ? { missing: check.missing } : {}) },
          'model summary rejected; extractive summary shown',
        );
        await this.options.cache.set(
          key,
          JSON.stringify({ kind: 'rejected', reason: check.reason }),
          KEEP_REJECTED_MS,
        );
        return undefined;
      }
      const summary: ModelSummary = { ...check.summary, model };
      await this.options.cache.set(key, JSON.stringify({ kind: 'model', ...summary }), KEEP_MS);
      logger.info({ story, model }, 'model summary ready');
      return summary;
    } catch (error) {
      if (error instanceof ModelCallError && error.kind === 'rate-limited') {
        const wait = error.retryAfterMs ?? DEFAULT_BACKOFF_MS;
        this.#blockedUntil = (this.options.now?.() ?? Date.now()) + wait;
      }
      logger.warn(
        {
          story,
          model,
          reason: error instanceof ModelCallError ? error.kind : 'error',
          error: (error as Error).message,
        },
        'model summary failed; extractive summary shown',
      );
      return undefined;
    }
  }

  async #cached(key: string) {
    const raw = await this.options.cache.get(key);
    if (raw === undefined) return undefined;
    try {
      const parsed = CachedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}

function withoutKind({ kind: _, ...summary }: ModelSummary & { kind: 'model' }): ModelSummary {
  return summary;
}

/**
 * Story identity (URL, else title) + hash of the article text + model and length asked for. The
 * headlines are left out on purpose: they change every refresh, and the lead must not be asked again.
 */
export function cacheKey(model: string, input: PromptInput): string {
  const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
  const identity = input.story.url ?? input.story.title ?? '';
  const text = input.story.paragraphs.join('\n');
  return `llm-summary:v1:${hash(`${model}\n${input.sentences}\n${identity}`)}:${hash(text)}`;
}
