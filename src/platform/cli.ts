/**
 * A plain shell (Jenkins, GitLab, Buildkite, cron): inputs as `--flags`, logs on stderr, and
 * on stdout only `export NAME='value'` lines, so that `eval "$(chainguard-azure-login …)"`
 * carries DOCKER_CONFIG and the outputs into the calling shell.
 *
 * No runner masks its logs, so it masks them itself: every line it prints on stderr has each
 * secret registered with `setSecret` replaced by `***`. stdout carries only the export lines
 * meant for eval, which must keep their values.
 */
import type { InputName } from '../core/inputs/definitions.js';
import type { OutputName, Platform } from '../core/platform.js';
import { singleQuoted } from '../core/shell.js';
import { neutralise, SecretSet } from '../core/text.js';
import { STATE_VARIABLE, type CliOptions } from './cli-args.js';

const OUTPUT_VARIABLES: Record<OutputName, string> = {
  token: 'CHAINGUARD_TOKEN',
  'expires-at': 'CHAINGUARD_TOKEN_EXPIRES_AT',
  identity: 'CHAINGUARD_IDENTITY',
  'docker-config': 'DOCKER_CONFIG',
  'api-token': 'CHAINGUARD_API_TOKEN'
};

export function cliPlatform(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  printErr: (line: string) => void
): Platform & { failed: boolean } {
  const secrets = new SecretSet();
  const err = (line: string): void => printErr(secrets.redact(line));
  const platform = {
    failed: false,
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
      out(`export ${OUTPUT_VARIABLES[name]}=${singleQuoted(value)}`);
    },
    exportVariable: (name: string, value: string) => out(`export ${name}=${singleQuoted(value)}`),
    addPath: (dir: string) => out(`export PATH=${singleQuoted(dir)}"\${PATH:+:$PATH}"`),
    saveState: (_name: string, value: string) => out(`export ${STATE_VARIABLE}=${singleQuoted(value)}`),
    getState: () => env[STATE_VARIABLE] ?? '',
    info: (message: string) => err(neutralise(message)),
    debug: (message: string) => {
      if (options.debug) err(`debug: ${neutralise(message)}`);
    },
    warning: (message: string) => err(`warning: ${neutralise(message)}`),
    setFailed: (message: string) => {
      platform.failed = true;
      err(`error: ${neutralise(message)}`);
    },
    tempDir: () => env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || undefined
  };
  return platform;
}
