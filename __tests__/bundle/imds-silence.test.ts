/**
 * A metadata endpoint that accepts the connection and never answers: the real IMDS answers in
 * milliseconds even while busy (it says 410 or 429 at once), so silence is given up on within
 * 20 s in all, with a message saying so, while the 70 s budget for 410 stays as it is. Run
 * through the built GitHub bundle with time running 20 times faster.
 */
import { readdirSync } from 'node:fs';
import { useBundleHarness } from '../helpers/bundles.js';

const SCALE = 0.05;
const h = useBundleHarness();

it('gives up on a silent IMDS within 20 s, saying it accepted the connection but never answered', async () => {
  h.emulators.imds.script(...Array.from({ length: 10 }, () => ({ hang: true })));
  const job = h.githubJob();
  // The timeout input is a backstop far above the scaled 20 s.
  const main = await h.githubMain(job, h.githubInputs({ timeout: '15' }), { CHAINGUARD_LOGIN_TIME_SCALE: String(SCALE) });
  expect(main.code).toBe(1);
  const errors = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(
    /^::error::Could not get an Azure token from IMDS \(http:\/\/127\.0\.0\.1:\d+\/metadata\/identity\/oauth2\/token\): it accepted the connection but sent no answer within 20 s \(\d attempts\)\. /
  );
  const requests = h.emulators.imds.requests;
  expect(requests.length).toBeGreaterThanOrEqual(2);
  expect((requests[requests.length - 1].at - requests[0].at) / SCALE).toBeLessThan(20_000);
  expect(readdirSync(job.temp)).toEqual([]);
}, 30_000);

it('still rides out a 410 that lasts longer than 20 s', async () => {
  // 410 for about 40 s of (scaled) time, then a token. Time runs only 5 times faster here: the
  // 30 s left of the 70 s budget must stay longer than a busy machine's delays (6 s, not 1.5 s).
  const scale = 0.2;
  h.emulators.imds.script(
    ...Array.from({ length: 6 }, () => ({ status: 410, body: { error: 'gone', error_description: 'IMDS is updating' } }))
  );
  const main = await h.githubMain(h.githubJob(), h.githubInputs(), { CHAINGUARD_LOGIN_TIME_SCALE: String(scale) });
  expect(main.stdout).not.toMatch(/::error::/);
  expect(main.code).toBe(0);
  const requests = h.emulators.imds.requests;
  expect(requests).toHaveLength(7);
  expect((requests[6].at - requests[0].at) / scale).toBeGreaterThan(20_000);
}, 60_000);
