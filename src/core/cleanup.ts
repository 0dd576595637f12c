/** The post step: removes what the login wrote. Kept apart so the post bundles stay small. */
import { removeDockerLogin } from './docker/install.js';
import { tempRootOf } from './docker/job-dir.js';
import { messageOf } from './errors.js';
import type { Platform } from './platform.js';
import { parseCleanupState, STATE_KEY } from './state.js';
import { readTestSettings, testSettingWarnings, type TestSettings } from './test-settings.js';

/** Removes what the main step wrote, when it saved anything to remove. */
export async function cleanup(platform: Platform, test: TestSettings = readTestSettings(process.env)): Promise<void> {
  for (const warning of testSettingWarnings(test)) platform.warning(warning);
  const state = parseCleanupState(platform.getState(STATE_KEY));
  if (!state) {
    platform.info('Nothing to clean up.');
    return;
  }
  for (const line of await removeDockerLogin(state, { tempRoot: tempRootOf(platform.tempDir()), lockScale: test.timeScale }))
    platform.info(`Logout: ${line}`);
}

/**
 * Runs `cleanup`; a failure is a warning, since the job's own work is done. Returns whether the
 * login is gone (removed now, or nothing was left to remove).
 */
export async function runCleanup(platform: Platform): Promise<boolean> {
  try {
    await cleanup(platform);
    return true;
  } catch (error) {
    platform.warning(`Could not remove the registry login: ${messageOf(error)}`);
    return false;
  }
}
