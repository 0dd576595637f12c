/**
 * The small interface the core needs from a runner (a port the core owns). One adapter per
 * runner implements it on that runner's library; the core never imports a runner library.
 */
import type { InputReader } from './inputs/read.js';
import type { NetworkSettings } from './net/proxy.js';
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
   * The network settings the runner hands its steps (the Azure agent's proxy and CA), if any,
   * with their portable form for the credential helper's refreshes.
   */
  network?(): NetworkSettings | undefined;
}

/** kebab-case to camelCase: the Azure Pipelines spelling of an output. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
