/** The real process's runtime for the core. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock, timeScale } from './clock.js';
import { findHelperBundle } from './credential-helper.js';
import { send } from './http.js';
import type { Runtime } from './login.js';

/**
 * `CHAINGUARD_LOGIN_TIME_SCALE` (a number in (0, 1]) makes retry waits and budgets pass faster;
 * the project's tests of the built bundles use it to ride out a 70 s IMDS update in a second.
 */
export function processRuntime(): Runtime {
  return {
    env: process.env,
    clock: systemClock(timeScale(process.env)),
    send,
    home: os.homedir(),
    cwd: process.cwd(),
    helperBundle: bundledHelper
  };
}

/** The credential helper bundle beside the bundle this process runs (dist/helper/index.js). */
function bundledHelper(): string | undefined {
  const script = process.argv[1];
  if (!script) return undefined;
  let resolved: string;
  try {
    resolved = fs.realpathSync(script);
  } catch {
    return undefined;
  }
  return findHelperBundle(path.dirname(resolved));
}
