/** GitHub Actions: inputs, masks, outputs, state and environment through @actions/core. */
import * as core from '@actions/core';
import type { InputName } from '../core/inputs.js';
import type { OutputName, Platform } from './platform.js';

export function githubPlatform(): Platform {
  return {
    get: (name: InputName) => core.getInput(name),
    label: (name: InputName) => name,
    setSecret: (value) => core.setSecret(value),
    setOutput: (name: OutputName, value) => core.setOutput(name, value),
    exportVariable: (name, value) => core.exportVariable(name, value),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    info: (message) => core.info(message),
    debug: (message) => core.debug(message),
    warning: (message) => core.warning(message),
    setFailed: (message) => core.setFailed(message),
    tempDir: () => process.env.RUNNER_TEMP || undefined
  };
}
