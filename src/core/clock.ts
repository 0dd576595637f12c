/** Time, waiting and randomness, injectable so that retry schedules can be tested quickly. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), for jitter. */
  random(): number;
  /** The factor its waits are multiplied by: below 1 only in tests, where time runs faster; 1 when absent. */
  readonly scale?: number;
}

/**
 * Wall-clock time. A `scale` below 1 makes time run faster: every wait is shortened and `now()`
 * advances by the same factor, so retry budgets keep their meaning (tests of the bundles use
 * it; it is 1 in production).
 */
export function systemClock(scale = 1): Clock {
  const origin = Date.now();
  return {
    scale,
    now: () => (scale === 1 ? Date.now() : origin + (Date.now() - origin) / scale),
    random: () => Math.random(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const timer = setTimeout(done, Math.max(0, ms * scale));
        function done(): void {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }
        function onAbort(): void {
          clearTimeout(timer);
          reject(signal?.reason);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
      })
  };
}
