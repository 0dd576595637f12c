/**
 * A plain shell (Jenkins, GitLab, Buildkite, cron, a Windows agent's cmd or PowerShell): inputs
 * as `--flags`, logs on stderr, and on stdout only the lines that set the login's variables in
 * the calling shell (`export NAME='value'`, `$env:NAME = 'value'` or `set "NAME=value"`), so that
 * `eval "$(chainguard-azure-login …)"` (or its PowerShell and cmd forms) carries DOCKER_CONFIG
 * and the outputs into it; `logout` prints the lines that remove them again.
 *
 * No runner masks its logs, so it masks them itself: every line it prints on stderr has each
 * secret registered with `setSecret` replaced by `***`. stdout carries only the lines meant for
 * the shell, which must keep their values.
 */
import path from 'node:path';
import type { InputName } from '../core/inputs/definitions.js';
import type { OutputName, Platform } from '../core/platform.js';
import { pathLines, setLine, unsetLine, UnprintableValue, type ShellTarget } from '../core/shell.js';
import { parseCleanupState } from '../core/state.js';
import { neutralise, SecretSet } from '../core/text.js';
import { detectShell, STATE_VARIABLE, type CliOptions } from './cli-args.js';

const OUTPUT_VARIABLES: Record<OutputName, string> = {
  token: 'CHAINGUARD_TOKEN',
  'expires-at': 'CHAINGUARD_TOKEN_EXPIRES_AT',
  identity: 'CHAINGUARD_IDENTITY',
  'docker-config': 'DOCKER_CONFIG',
  'api-token': 'CHAINGUARD_API_TOKEN'
};

/** Every variable a login may set besides PATH: what logout unsets. */
export const LOGIN_VARIABLES = ['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', ...Object.values(OUTPUT_VARIABLES), STATE_VARIABLE].filter(
  (name, i, all) => all.indexOf(name) === i
);

/** Where the tool runs, injectable for tests. */
export interface CliHost {
  /** Windows: PATH is `;`-separated and compared without case, and the shell is detected among three. */
  windows: boolean;
}

export const processHost = (): CliHost => ({ windows: process.platform === 'win32' });

export type CliPlatform = Platform & {
  failed: boolean;
  /** The shell the lines are for. */
  target: ShellTarget;
  /** After a logout that removed the login (or found none): prints the lines that remove its variables (those set). */
  loggedOut(): void;
};

/** A variable's value, found without regard to case on Windows (where `Path` is PATH). */
function variable(env: NodeJS.ProcessEnv, name: string, windows: boolean): string | undefined {
  if (!windows) return env[name];
  return Object.entries(env).find(([key]) => key.toUpperCase() === name)?.[1];
}

/**
 * The state as the shell carries it. cmd cannot carry the JSON's double quotes: there it is
 * base64url (JSON otherwise, as before).
 */
const encodeState = (target: ShellTarget, json: string): string =>
  target.shell === 'cmd' ? Buffer.from(json, 'utf8').toString('base64url') : json;
const decodeState = (text: string): string =>
  text.startsWith('{') || !/^[A-Za-z0-9_-]+$/.test(text) ? text : Buffer.from(text, 'base64url').toString('utf8');

/** The entries of `pathValue` inside `dir` (a job directory): the helper's directory a login put on PATH. */
function entriesInside(pathValue: string, dir: string | undefined, host: CliHost): string[] {
  if (!dir || !pathValue) return [];
  const api = host.windows ? path.win32 : path.posix;
  const fold = (value: string): string => (host.windows ? value.toLowerCase() : value);
  const root = fold(api.resolve(dir)) + api.sep;
  return pathValue.split(api.delimiter).filter((entry) => entry && fold(api.resolve(entry)).startsWith(root));
}

/** A line for the shell, or the reason it cannot be printed, as a message that says what to do. */
function printable<T>(make: () => T, target: ShellTarget): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof UnprintableValue)) throw error;
    const alternative =
      error.variable === 'PATH' ? '--shell pwsh, or --credential-helper false (which needs no PATH change)' : '--shell pwsh';
    throw new Error(`Cannot print the ${error.variable} line for ${target.shell}: ${error.why}. Use ${alternative}.`, { cause: error });
  }
}

export function cliPlatform(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  printErr: (line: string) => void,
  host: CliHost = processHost()
): CliPlatform {
  const secrets = new SecretSet();
  const err = (line: string): void => printErr(secrets.redact(line));
  const target: ShellTarget = { shell: options.shell ?? detectShell(env, host.windows), windows: host.windows };
  const set = (name: string, value: string): void => out(printable(() => setLine(target, name, value), target));
  const state = (): string => decodeState(env[STATE_VARIABLE] ?? '');
  const currentPath = (): string => variable(env, 'PATH', host.windows) ?? '';
  const platform: CliPlatform = {
    failed: false,
    target,
    get: (name: InputName) => options.values[name] ?? '',
    label: (name: InputName) => `--${name}`,
    setSecret: (value: string) => secrets.add(value),
    setOutput: (name: OutputName, value: string) => {
      if (name === 'api-token' && !options.exportToken) {
        err('warning: the API token is exported as CHAINGUARD_API_TOKEN only with --export-token (stdout must then go to eval).');
        return;
      }
      if (name === 'token' && !options.exportToken) return;
      if (name === 'docker-config') return; // exported as DOCKER_CONFIG already
      set(OUTPUT_VARIABLES[name], value);
    },
    exportVariable: (name: string, value: string) => set(name, value),
    // The helper's directory goes first; a login this one replaces takes its own out.
    addPath: (dir: string) => {
      const remove = entriesInside(currentPath(), parseCleanupState(state())?.jobDir, host);
      for (const line of printable(() => pathLines(target, { add: dir, remove, current: currentPath() }), target)) out(line);
    },
    saveState: (_name: string, value: string) => set(STATE_VARIABLE, encodeState(target, value)),
    getState: () => state(),
    info: (message: string) => err(neutralise(message)),
    debug: (message: string) => {
      if (options.debug) err(`debug: ${neutralise(message)}`);
    },
    warning: (message: string) => err(`warning: ${neutralise(message)}`),
    setFailed: (message: string) => {
      platform.failed = true;
      err(`error: ${neutralise(message)}`);
    },
    tempDir: () => env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || undefined,
    loggedOut: () => {
      const remove = entriesInside(currentPath(), parseCleanupState(state())?.jobDir, host);
      try {
        for (const line of pathLines(target, { remove, current: currentPath() })) out(line);
      } catch (error) {
        if (!(error instanceof UnprintableValue)) throw error;
        platform.warning(
          `PATH still lists ${remove.join(', ')}, which logout deleted: ${error.why}, so the new PATH cannot be printed for cmd.`
        );
      }
      // Only what is set: cmd's `set NAME=` of an unset variable can leave ERRORLEVEL 1 (a step's exit code, when it comes last).
      for (const name of LOGIN_VARIABLES) if (variable(env, name, host.windows) !== undefined) out(unsetLine(target, name));
    }
  };
  return platform;
}
