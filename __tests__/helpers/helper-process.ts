/** Runs the built credential helper as docker does: a wrapper on PATH, the server URL on stdin. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../emulators/runners.mjs';
import { installHelper, type HelperConfig, type HelperCredential, type InstalledHelper } from '../../src/core/credential-helper.js';

export const HELPER_BUNDLE = path.join(ROOT, 'dist', 'helper', 'index.js');
/** Preloaded into every helper run: connections reach loopback only. */
export const LOOPBACK_ONLY = `--import=${JSON.stringify(path.join(ROOT, 'emulators', 'loopback-only.mjs'))}`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args`, writing `stdin`, with exactly `env` (plus the loopback guard). */
export function runProgram(file: string, args: readonly string[], stdin: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { PATH: process.env.PATH, NODE_OPTIONS: LOOPBACK_ONLY, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d.toString()));
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/** Installs a helper for `config` under `root`, with the built bundle and this Node. */
export function installTestHelper(root: string, config: HelperConfig, seed?: Record<string, HelperCredential>): InstalledHelper & { wrapper: string } {
  const installed = installHelper({ root, config, nodePath: process.execPath, helperScript: HELPER_BUNDLE, seed });
  return { ...installed, wrapper: path.join(installed.binDir, `docker-credential-${installed.name}`) };
}

/** `docker-credential-<name> <command>` with `stdin`, as docker runs it. */
export function runHelper(helper: { wrapper: string }, command: string, stdin = '', env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runProgram(helper.wrapper, [command], stdin, env);
}
