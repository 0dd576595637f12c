/**
 * The small interface the core needs from a runner (a port the core owns). One adapter per
 * runner implements it on that runner's library; the core never imports a runner library.
 */
import type { InputReader } from './inputs.js';
import type { PortableNetwork } from './credential-helper.js';
import type { NetworkSettings } from './http.js';
import type { PlatformIdentity } from './sources/source.js';

export const OUTPUT_NAMES = ['token', 'expires-at', 'identity', 'docker-config', 'api-token'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface Platform extends InputReader {
  /** Masks a secret in every later log line of the job. */
  setSecret(value: string): void;
  setOutput(name: OutputName, value: string, options?: { secret?: boolean }): void;
  /** Sets an environment variable for the rest of the job. */
  exportVariable(name: string, value: string): void;
  /** Puts a directory first on PATH for the rest of the job. */
  addPath(dir: string): void;
  /** Keeps a value for the post step. */
  saveState(name: string, value: string): void;
  getState(name: string): string;
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
  /** Marks the step failed with one message. */
  setFailed(message: string): void;
  /** The runner's per-job temp directory, if it has one. */
  tempDir(): string | undefined;
  /** What the platform offers identity sources (its OIDC or access token); absent on the CLI. */
  identity?(): PlatformIdentity | undefined;
  /**
   * The network settings the runner hands its steps (the Azure agent's proxy and CA), if any;
   * `portable` describes them for the credential helper, which uses them for its refreshes.
   */
  network?(): (NetworkSettings & { portable?: PortableNetwork }) | undefined;
}

/** kebab-case to camelCase: the Azure Pipelines spelling of an input or output. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const WORD_JOINER = '\u2060';

/**
 * Makes a log message inert for the runner and the agent. The GitHub runner acts on a line that
 * starts with `::` and on `##[command]` anywhere in a line; the Azure agent acts on `##vso[`
 * anywhere in a line. A value interpolated into a message (an input, a path, a service's text)
 * could carry either, so every message the step prints passes through here: a word joiner
 * (invisible when shown) goes between the characters of every `::` and `##`, which no
 * legitimate message needs adjacent, and control characters (a carriage return among them)
 * become spaces. Line breaks stay: with no `::` or `##` anywhere, no line of the message can
 * be a command, and multi-line messages (the setup doctor's commands) stay readable.
 */
export function neutralise(message: string): string {
  return message.replace(/\r\n/g, '\n').replace(CONTROLS, ' ').replace(/::/g, `:${WORD_JOINER}:`).replace(/##/g, `#${WORD_JOINER}#`);
}
