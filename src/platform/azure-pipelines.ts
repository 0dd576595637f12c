/**
 * Azure Pipelines: speaks the agent's documented protocol directly — inputs in INPUT_*, task
 * variables in VSTS_TASKVARIABLE_*, and `##vso[…]` logging commands on stdout — exactly as
 * azure-pipelines-task-lib writes them (a conformance test compares the two), without loading
 * the library's shell, glob and vault machinery. Names are camelCase.
 */
import { EOL } from 'node:os';
import type { InputName } from '../core/inputs.js';
import { camelCase, writeStdout, type OutputName, type Platform } from './platform.js';

/** Escapes a logging command's message. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a logging command's property value. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/]/g, '%5D').replace(/;/g, '%3B');
}

/** `##vso[area.action key=value;…]message`; properties with empty values are left out. */
function formatCommand(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)};`)
    .join('');
  return `##vso[${name}${props ? ` ${props}` : ''}]${escapeData(message)}`;
}

/** The environment variable behind an agent variable or input name. */
function variableKey(name: string): string {
  return name.replace(/\./g, '_').replace(/ /g, '_').toUpperCase();
}

/** The adapter; `out` receives what goes to standard output. */
export function azurePipelinesPlatform(out: (text: string) => void = writeStdout): Platform {
  const command = (name: string, properties: Record<string, string>, message: string): void =>
    out(`${formatCommand(name, properties, message)}${EOL}`);
  const setVariable = (name: string, value: string, secret: boolean, isOutput: boolean): void => {
    if (!secret) process.env[variableKey(name)] = value;
    command('task.setvariable', { variable: name, isOutput: String(isOutput), issecret: String(secret) }, value);
  };
  const issue = (type: 'error' | 'warning', message: string): void => command('task.issue', { type, source: 'TaskInternal' }, message);
  return {
    get: (name: InputName) => (process.env[`INPUT_${variableKey(camelCase(name))}`] ?? '').trim(),
    label: (name: InputName) => camelCase(name),
    setSecret: (value) => command('task.setsecret', {}, value),
    setOutput: (name: OutputName, value, options) => setVariable(camelCase(name), value, options?.secret ?? false, true),
    exportVariable: (name, value) => setVariable(name, value, false, false),
    saveState: (name, value) => {
      process.env[`VSTS_TASKVARIABLE_${variableKey(name)}`] = value;
      command('task.settaskvariable', { variable: name, issecret: 'false' }, value);
    },
    getState: (name) => (process.env[`VSTS_TASKVARIABLE_${variableKey(name)}`] ?? '').trim(),
    info: (message) => out(`${message}${EOL}`),
    debug: (message) => command('task.debug', {}, message),
    warning: (message) => issue('warning', message),
    setFailed: (message) => {
      issue('error', message);
      command('task.complete', { result: 'Failed' }, message);
    },
    tempDir: () => process.env.AGENT_TEMPDIRECTORY || undefined
  };
}
