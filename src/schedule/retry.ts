/** Retries a delivery on `retryable` failures with exponential backoff, honouring the platform's Retry-After. */
import { DeliveryError } from './delivery.ts';

export interface RetryOptions {
  retries: number;
  baseMs: number;
  maxMs: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, waitMs: number, error: DeliveryError) => void;
}

export const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const retryable = error instanceof DeliveryError && error.kind === 'retryable';
      if (!retryable || attempt >= options.retries) throw error;
      // Retry-After is the platform telling us how long; never wait less than it asks. A wait longer
      // than we are willing to block gives this attempt up; the caller retries later.
      if ((error.retryAfterMs ?? 0) > options.maxMs) throw error;
      const backoff = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
      const wait = Math.max(backoff, error.retryAfterMs ?? 0);
      options.onRetry?.(attempt + 1, wait, error);
      await sleep(wait);
    }
  }
}
