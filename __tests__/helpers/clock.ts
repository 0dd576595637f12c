/** Time in tests: a clock whose waits pass at once and are recorded (retry schedules), and waiting for a real token to expire. */
import { readJwt } from '../../emulators/jwt.mjs';
import type { Clock } from '../../src/core/clock.js';

/** Resolves a moment after the JWT `token` expired. */
export async function waitUntilExpired(token: string): Promise<void> {
  const left = readJwt(token)!.exp * 1000 - Date.now();
  if (left > -200) await new Promise((resolve) => setTimeout(resolve, left + 200));
}

export class FakeClock implements Clock {
  time = 1_700_000_000_000;
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }
  random(): number {
    return 0.5;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  }
}
