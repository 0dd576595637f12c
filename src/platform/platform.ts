/**
 * The small interface the core needs from a runner. One adapter per runner implements it; the
 * core never imports a runner library.
 */
import { writeSync } from 'node:fs';
import type { InputReader } from '../core/inputs.js';

export const OUTPUT_NAMES = ['token', 'expires-at', 'identity', 'docker-config'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface Platform extends InputReader {
  /** Masks a secret in every later log line of the job. */
  setSecret(value: string): void;
  setOutput(name: OutputName, value: string, options?: { secret?: boolean }): void;
  /** Sets an environment variable for the rest of the job. */
  exportVariable(name: string, value: string): void;
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
}

/** kebab-case to camelCase: the Azure Pipelines spelling of an input or output. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Writes to standard output through the file descriptor, without creating `process.stdout`
 * (whose stream set-up costs start-up time); retries while a non-blocking pipe is full.
 */
export function writeStdout(text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(1, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
