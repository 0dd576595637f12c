/** The real process's runtime for the core. */
import os from 'node:os';
import { systemClock } from './clock.js';
import { send } from './http.js';
import type { Runtime } from './login.js';

/**
 * `CHAINGUARD_LOGIN_TIME_SCALE` (a number in (0, 1]) makes retry waits and budgets pass faster;
 * the project's tests of the built bundles use it to ride out a 70 s IMDS update in a second.
 */
export function processRuntime(): Runtime {
  const raw = Number(process.env.CHAINGUARD_LOGIN_TIME_SCALE);
  const scale = raw > 0 && raw <= 1 ? raw : 1;
  return { env: process.env, clock: systemClock(scale), send, home: os.homedir(), cwd: process.cwd() };
}
