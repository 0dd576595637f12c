/** The real process's runtime for the core. */
import os from 'node:os';
import { systemClock, timeScale } from './clock.js';
import { send } from './http.js';
import type { Runtime } from './login.js';

/**
 * `CHAINGUARD_LOGIN_TIME_SCALE` (a number in (0, 1]) makes retry waits and budgets pass faster;
 * the project's tests of the built bundles use it to ride out a 70 s IMDS update in a second.
 */
export function processRuntime(): Runtime {
  return { env: process.env, clock: systemClock(timeScale(process.env)), send, home: os.homedir(), cwd: process.cwd() };
}
