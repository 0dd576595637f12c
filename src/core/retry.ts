/** Bounded retries with jittered exponential backoff. */
import type { Clock } from './clock.js';

/**
 * The delay before retry number `retry` (1-based): `base · 2^(retry-1)`, capped, then scaled
 * by a random factor in [0.8, 1.2) so that many runners do not retry in lockstep.
 */
export function backoffMs(retry: number, baseMs: number, capMs: number, random: () => number): number {
  const plain = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

export interface RetryOptions<T> {
  clock: Clock;
  signal?: AbortSignal;
  /** One attempt; `attempt` counts from 1. Throws on failure. */
  run: (attempt: number) => Promise<T>;
  /**
   * After a failed attempt: the delay before the next one, or undefined to give up and
   * rethrow. `elapsedMs` counts from the first attempt's start.
   */
  retryAfter: (error: unknown, attempt: number, elapsedMs: number) => number | undefined;
  /** Told before each wait, for a debug line. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `run` until it succeeds or `retryAfter` says to stop. */
export async function retrying<T>(options: RetryOptions<T>): Promise<T> {
  const start = options.clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.run(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const delay = options.retryAfter(error, attempt, options.clock.now() - start);
      if (delay === undefined) throw error;
      options.onRetry?.(error, attempt, delay);
      await options.clock.sleep(delay, options.signal);
    }
  }
}
