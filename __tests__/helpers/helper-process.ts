/** Runs the built credential helper as docker does: a wrapper on PATH, the server URL on stdin. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_NODE_OPTIONS, bundleNode, outputOf, ROOT } from '../../emulators/runners.mjs';
import { installHelper, type InstalledHelper } from '../../src/core/credential-helper/install.js';
import { foreignStderr } from './hygiene.js';
import { type HelperConfig, type HelperCredential } from '../../src/core/credential-helper/config.js';

const HELPER_BUNDLE = path.join(ROOT, 'dist', 'helper', 'index.js');
/** NODE_OPTIONS of every helper run: connections reach loopback only, deprecations are reported. */
export const LOOPBACK_ONLY = BUNDLE_NODE_OPTIONS;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** How long the program ran, in ms. */
  ms?: number;
  /** Whether it was killed for running longer than the `timeoutMs` it was given. */
  killed?: boolean;
}

/**
 * Runs `file` with `args`, writing `stdin`, with exactly `env` (plus the loopback guard). With
 * `timeoutMs`, a program still running then is killed (and the result says so). A line of
 * Node's own on stderr (a warning, a stack trace) fails the run: the helper's stderr is docker's
 * error line and nothing else.
 */
export async function runProgram(
  file: string,
  args: readonly string[],
  stdin: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs?: number
): Promise<Run> {
  const started = Date.now();
  const child = spawn(file, args, {
    env: { PATH: process.env.PATH, NODE_OPTIONS: LOOPBACK_ONLY, ...env },
    stdio: ['pipe', 'pipe', 'pipe']
  });
  let killed = false;
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, timeoutMs);
  const { code, stdout, stderr } = await outputOf(child, stdin).finally(() => clearTimeout(timer));
  const foreign = foreignStderr(stderr, false);
  if (foreign.length > 0)
    throw new Error(`${path.basename(file)} ${args.join(' ')} printed Node's own lines on stderr:\n${foreign.join('\n')}`);
  return timeoutMs === undefined ? { code, stdout, stderr } : { code, stdout, stderr, ms: Date.now() - started, killed };
}

/** Installs a helper for `config` under `root`, with the built bundle and this Node. */
export function installTestHelper(
  root: string,
  config: HelperConfig,
  seed?: Record<string, HelperCredential>
): InstalledHelper & { wrapper: string } {
  const installed = installHelper({ root, config, nodePath: bundleNode(), helperScript: HELPER_BUNDLE, seed });
  return { ...installed, wrapper: path.join(installed.binDir, `docker-credential-${installed.name}`) };
}

/** `docker-credential-<name> <command>` with `stdin`, as docker runs it. */
export function runHelper(
  helper: { wrapper: string },
  command: string,
  stdin = '',
  env: NodeJS.ProcessEnv = {},
  timeoutMs?: number
): Promise<Run> {
  return runProgram(helper.wrapper, [command], stdin, env, timeoutMs);
}

/** The helper a docker config's `credHelpers` entry names for `host`. */
export function helperNameIn(configDir: string, host = 'cgr.dev'): string {
  return JSON.parse(readFileSync(path.join(configDir, 'config.json'), 'utf8')).credHelpers[host] as string;
}

/** `docker-credential-<name> get` for `host`, run from `bin` as a later step's docker runs it, with its answer when it gave one. */
export async function helperGet(
  bin: string,
  name: string,
  host = 'cgr.dev',
  env: NodeJS.ProcessEnv = {}
): Promise<Run & { answer?: { ServerURL: string; Username: string; Secret: string } }> {
  const run = await runHelper({ wrapper: path.join(bin, `docker-credential-${name}`) }, 'get', `${host}\n`, env);
  return { ...run, answer: run.code === 0 ? JSON.parse(run.stdout) : undefined };
}
