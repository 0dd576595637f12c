/**
 * Bounded retries with jittered exponential backoff, and which failures a service's documented
 * policy retries, as data (RetryRules).
 */
import type { Clock } from '../clock.js';
import type { HttpResponse } from './http.js';
import { HttpFailure, type NetworkFailure } from './failure.js';

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

/** Exponential backoff: the first retry waits about `baseMs`, each next one twice as long, up to `capMs`. */
export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** Which failures a service's documented policy retries, and how. */
export interface RetryRules {
  /** Answers worth another try, at most `retries` times after the first attempt. */
  statuses: readonly number[];
  retries: number;
  backoff: Backoff;
  /** Requests that got no complete answer worth another try, at most `retries` times. */
  network: { kinds: readonly NetworkFailure[]; retries: number; backoff: Backoff };
  /** Honour the answer's Retry-After, up to this long. */
  retryAfterCapMs?: number;
  /** A 5xx answer is retried after at least this long. */
  serverErrorFloorMs?: number;
}

/** An answer with a status the caller did not expect, as the rules see it. */
export interface StatusFailure {
  response: HttpResponse;
}

/** Every 5xx status. */
export const SERVER_ERRORS: readonly number[] = Array.from({ length: 100 }, (_, i) => 500 + i);

/** The delay before another attempt under `rules`, or undefined to give up. */
export function delayFor(rules: RetryRules, error: unknown, attempt: number, clock: Clock): number | undefined {
  if (error instanceof HttpFailure) {
    const { kinds, retries, backoff } = rules.network;
    return kinds.includes(error.kind) && attempt <= retries ? backoffMs(attempt, backoff.baseMs, backoff.capMs, clock.random) : undefined;
  }
  const response = (error as Partial<StatusFailure> | undefined)?.response;
  if (!response || !rules.statuses.includes(response.status) || attempt > rules.retries) return undefined;
  let delay = backoffMs(attempt, rules.backoff.baseMs, rules.backoff.capMs, clock.random);
  const asked = rules.retryAfterCapMs === undefined ? undefined : retryAfterMs(response.headers, clock.now());
  if (asked !== undefined) delay = Math.max(delay, Math.min(asked, rules.retryAfterCapMs as number));
  if (rules.serverErrorFloorMs !== undefined && response.status >= 500) delay = Math.max(delay, rules.serverErrorFloorMs);
  return delay;
}

/** `Retry-After` (seconds or an HTTP date) as milliseconds from `now`, or undefined. */
export function retryAfterMs(headers: HttpResponse['headers'], now: number): number | undefined {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
