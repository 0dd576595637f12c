/**
 * GitHub Actions: speaks the runner's documented protocol directly — inputs in INPUT_*,
 * workflow commands on stdout (`::add-mask::`, `::debug::`, `::warning::`, `::error::`), and
 * the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file commands — exactly as @actions/core
 * writes them (a conformance test compares the two), without loading its HTTP client.
 */
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import type { InputName } from '../core/inputs.js';
import { writeStdout, type OutputName, type Platform } from './platform.js';

/** Escapes a workflow command's message. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value::message` */
function formatCommand(name: string, message: string, properties: Record<string, string> = {}): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** A delimiter that does not occur in the key or the value. */
function delimiterFor(key: string, value: string): string {
  for (;;) {
    const delimiter = `ghadelimiter_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    if (!key.includes(delimiter) && !value.includes(delimiter)) return delimiter;
  }
}

/**
 * Appends `key<<delimiter … delimiter` to the file the runner names in `variable`; returns
 * false when the runner named none (an old runner), so the caller can fall back to a command.
 */
function fileCommand(variable: 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE', key: string, value: string): boolean {
  const file = process.env[variable];
  if (!file) return false;
  const delimiter = delimiterFor(key, value);
  appendFileSync(file, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

/** The adapter; `out` receives what goes to standard output. */
export function githubPlatform(out: (text: string) => void = writeStdout): Platform {
  const write = (line: string): void => out(`${line}${EOL}`);
  const command = (name: string, message: string, properties?: Record<string, string>): void =>
    write(formatCommand(name, message, properties));
  return {
    get: (name: InputName) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    label: (name: InputName) => name,
    setSecret: (value) => command('add-mask', value),
    setOutput: (name: OutputName, value) => {
      if (!fileCommand('GITHUB_OUTPUT', name, value)) {
        write('');
        command('set-output', value, { name });
      }
    },
    exportVariable: (name, value) => {
      process.env[name] = value;
      if (!fileCommand('GITHUB_ENV', name, value)) command('set-env', value, { name });
    },
    saveState: (name, value) => {
      if (!fileCommand('GITHUB_STATE', name, value)) command('save-state', value, { name });
    },
    getState: (name) => process.env[`STATE_${name}`] ?? '',
    info: (message) => write(message),
    debug: (message) => command('debug', message),
    warning: (message) => command('warning', message),
    setFailed: (message) => {
      process.exitCode = 1;
      command('error', message);
    },
    tempDir: () => process.env.RUNNER_TEMP || undefined
  };
}
