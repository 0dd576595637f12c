/**
 * GitHub Actions, on `@actions/core`: inputs, outputs, masking, exported variables, PATH, state
 * for the post step, logging, failure, and the job's OIDC token. Every log line passes through
 * `neutralise`, so that a value inside a message can never be read as a workflow command.
 */
import * as core from '@actions/core';
import type { InputName } from '../core/inputs/definitions.js';
import type { OutputName, Platform } from '../core/platform.js';
import { neutralise } from '../core/text.js';

/** The adapter. */
export function githubPlatform(): Platform {
  return {
    get: (name: InputName) => core.getInput(name),
    label: (name: InputName) => name,
    setSecret: (value) => core.setSecret(value),
    setOutput: (name: OutputName, value) => core.setOutput(name, value),
    exportVariable: (name, value) => core.exportVariable(name, value),
    addPath: (dir) => core.addPath(dir),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    info: (message) => core.info(neutralise(message)),
    debug: (message) => core.debug(neutralise(message)),
    warning: (message) => core.warning(neutralise(message)),
    setFailed: (message) => core.setFailed(neutralise(message)),
    tempDir: () => process.env.RUNNER_TEMP || undefined,
    identity: () => ({
      githubIdToken: async (audience: string) => {
        const token = await core.getIDToken(audience);
        core.setSecret(token);
        return token;
      }
    })
  };
}
