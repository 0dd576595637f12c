/** What the core takes from the process, injectable for tests: the environment, time, the transport, where it runs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from './clock.js';
import { findHelperBundle, sourceTreeHelperBundle } from './credential-helper/install.js';
import { send, type HttpRequest, type HttpResponse } from './net/http.js';
import { readTestSettings, type TestSettings } from './test-settings.js';

export interface Runtime {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  send: (request: HttpRequest) => Promise<HttpResponse>;
  home: string;
  cwd: string;
  /** The project's test settings, read once (none in a real run). */
  test: TestSettings;
  /** Where the credential helper bundle is (dist/helper/index.js beside the step's bundle). */
  helperBundle?: () => string | undefined;
  /** The Node that runs the helper (default the one running now). */
  nodePath?: string;
}

/** The real process's runtime. */
export function processRuntime(): Runtime {
  const test = readTestSettings(process.env);
  return {
    env: process.env,
    clock: systemClock(test.timeScale),
    send,
    home: os.homedir(),
    cwd: process.cwd(),
    test,
    helperBundle: bundledHelper
  };
}

/**
 * The credential helper bundle beside the bundle this process runs (dist/helper/index.js), or,
 * when this module runs from its TypeScript source (local-action), the checkout's built one.
 */
function bundledHelper(): string | undefined {
  return besideScript() ?? sourceTreeHelperBundle(fileURLToPath(import.meta.url));
}

function besideScript(): string | undefined {
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
