/** Bounded retries with jittered backoff, and retry rules as data. */
import { HttpFailure } from '../../../../src/core/net/failure.js';
import type { HttpResponse } from '../../../../src/core/net/http.js';
import { backoffMs, delayFor, retryAfterMs, retrying, SERVER_ERRORS, type RetryRules } from '../../../../src/core/net/retry.js';
import { FakeClock } from '../../../helpers/clock.js';

const RULES: RetryRules = {
  statuses: [429, ...SERVER_ERRORS],
  retries: 2,
  backoff: { baseMs: 1_000, capMs: 8_000 },
  network: { kinds: ['reset'], retries: 1, backoff: { baseMs: 100, capMs: 100 } },
  retryAfterCapMs: 30_000,
  serverErrorFloorMs: 1_500
};

const answer = (status: number, headers: HttpResponse['headers'] = {}) => ({ response: { status, headers, body: '' } });

describe('backoffMs', () => {
  it('doubles from the base up to the cap, jittered by ±20 %', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 1_000, 8_000, () => 0.5))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(backoffMs(1, 1_000, 8_000, () => 0)).toBe(800);
    expect(backoffMs(1, 1_000, 8_000, () => 0.999999)).toBe(1_200);
  });
});

describe('delayFor', () => {
  const clock = new FakeClock();

  it('retries the statuses the rules name, as often as they say', () => {
    expect(delayFor(RULES, answer(429), 1, clock)).toBe(1_000);
    expect(delayFor(RULES, answer(429), 2, clock)).toBe(2_000);
    expect(delayFor(RULES, answer(429), 3, clock)).toBeUndefined();
    expect(delayFor(RULES, answer(400), 1, clock)).toBeUndefined();
  });

  it("honours Retry-After up to the rules' cap, and waits at least the floor after a 5xx", () => {
    expect(delayFor(RULES, answer(429, { 'retry-after': '7' }), 1, clock)).toBe(7_000);
    expect(delayFor(RULES, answer(429, { 'retry-after': '600' }), 1, clock)).toBe(30_000);
    expect(delayFor(RULES, answer(503), 1, clock)).toBe(1_500);
    expect(delayFor({ ...RULES, retryAfterCapMs: undefined }, answer(429, { 'retry-after': '7' }), 1, clock)).toBe(1_000);
  });

  it('retries the network failures the rules name, and nothing else', () => {
    expect(delayFor(RULES, new HttpFailure('reset', 'cut'), 1, clock)).toBe(100);
    expect(delayFor(RULES, new HttpFailure('reset', 'cut'), 2, clock)).toBeUndefined();
    expect(delayFor(RULES, new HttpFailure('refused', 'no'), 1, clock)).toBeUndefined();
    expect(delayFor(RULES, new Error('something else'), 1, clock)).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and an HTTP date, and ignores anything else', () => {
    expect(retryAfterMs({ 'retry-after': '3' }, 0)).toBe(3_000);
    expect(retryAfterMs({ 'retry-after': new Date(10_000).toUTCString() }, 4_000)).toBe(6_000);
    expect(retryAfterMs({ 'retry-after': 'soon' }, 0)).toBeUndefined();
    expect(retryAfterMs({}, 0)).toBeUndefined();
  });
});

describe('retrying', () => {
  it('runs until an attempt succeeds, waiting as told, and says so before each wait', async () => {
    const clock = new FakeClock();
    const told: string[] = [];
    let attempts = 0;
    const result = await retrying({
      clock,
      run: async (n) => {
        attempts = n;
        if (n < 3) throw new Error(`attempt ${n}`);
        return 'done';
      },
      retryAfter: (_error, n) => n * 100,
      onRetry: (error, _n, delay) => told.push(`${(error as Error).message} → ${delay}`)
    });
    expect(result).toBe('done');
    expect(attempts).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]);
    expect(told).toEqual(['attempt 1 → 100', 'attempt 2 → 200']);
  });

  it('rethrows the last failure when told to stop, and at once when the signal has aborted', async () => {
    const clock = new FakeClock();
    await expect(retrying({ clock, run: async () => Promise.reject(new Error('no')), retryAfter: () => undefined })).rejects.toThrow('no');
    const controller = new AbortController();
    controller.abort();
    await expect(
      retrying({ clock, signal: controller.signal, run: async () => Promise.reject(new Error('cut short')), retryAfter: () => 100 })
    ).rejects.toThrow('cut short');
    expect(clock.sleeps).toEqual([]);
  });
});
