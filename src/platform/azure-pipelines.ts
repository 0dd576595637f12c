/** Azure Pipelines: the same contract through azure-pipelines-task-lib, names in camelCase. */
import * as tl from 'azure-pipelines-task-lib/task.js';
import type { InputName } from '../core/inputs.js';
import { camelCase, type OutputName, type Platform } from './platform.js';

export function azurePipelinesPlatform(): Platform {
  return {
    get: (name: InputName) => tl.getInput(camelCase(name), false) ?? '',
    label: (name: InputName) => camelCase(name),
    setSecret: (value) => tl.setSecret(value),
    setOutput: (name: OutputName, value, options) => tl.setVariable(camelCase(name), value, options?.secret ?? false, true),
    exportVariable: (name, value) => tl.setVariable(name, value),
    saveState: (name, value) => tl.setTaskVariable(name, value),
    getState: (name) => tl.getTaskVariable(name) ?? '',
    info: (message) => console.log(message),
    debug: (message) => tl.debug(message),
    warning: (message) => tl.warning(message),
    setFailed: (message) => tl.setResult(tl.TaskResult.Failed, message),
    tempDir: () => tl.getVariable('Agent.TempDirectory') || undefined
  };
}
