/** The post step: removes what the login wrote. Kept apart so the post bundles stay small. */
import os from 'node:os';
import path from 'node:path';
import type { Platform } from './platform.js';
import { parseCleanupState, removeDockerLogin } from './docker-login.js';
import { messageOf } from './errors.js';

/** Where the main step keeps its cleanup state for the post step. */
export const STATE_KEY = 'chainguardLoginState';

/** The runner's temp directory, absolute (a relative TMPDIR is taken from the current directory). */
export function tempRootOf(platform: Platform): string {
  return path.resolve(platform.tempDir() || os.tmpdir());
}

/** Removes what the main step wrote, when it saved anything to remove. */
export async function cleanup(platform: Platform, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const state = parseCleanupState(platform.getState(STATE_KEY));
  if (!state) {
    platform.info('Nothing to clean up.');
    return;
  }
  for (const line of await removeDockerLogin(state, { tempRoot: tempRootOf(platform), env })) platform.info(`Logout: ${line}`);
}

/** Runs `cleanup`; a failure is a warning, since the job's own work is done. */
export async function runCleanup(platform: Platform): Promise<void> {
  try {
    await cleanup(platform);
  } catch (error) {
    platform.warning(`Could not remove the registry login: ${messageOf(error)}`);
  }
}
