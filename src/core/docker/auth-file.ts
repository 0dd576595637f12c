/**
 * Docker and containers-image auth files: where they are, reading them (never blocking, a
 * malformed one refused or set aside) and the `auth` value docker expects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginError, messageOf } from '../errors.js';
import { NotRegularFile, readRegularFile } from '../fs/atomic.js';
import { isRecord } from '../json.js';

export type AuthFile = Record<string, unknown> & {
  auths?: Record<string, unknown>;
  credHelpers?: Record<string, unknown>;
  credsStore?: unknown;
};

/** The `auth` value docker expects: base64 of `user:password`. */
export function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** The user's docker config directory: $DOCKER_CONFIG, else ~/.docker. */
export function userDockerConfigDir(env: NodeJS.ProcessEnv, home: string = os.homedir()): string {
  return env.DOCKER_CONFIG?.trim() ? path.resolve(env.DOCKER_CONFIG.trim()) : path.join(home, '.docker');
}

/** The containers-image tools' primary auth file, when this environment names one. */
export function userContainersAuthFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.REGISTRY_AUTH_FILE?.trim()) return path.resolve(env.REGISTRY_AUTH_FILE.trim());
  if (env.XDG_RUNTIME_DIR?.trim()) return path.join(env.XDG_RUNTIME_DIR.trim(), 'containers', 'auth.json');
  return undefined;
}

/**
 * Reads an auth file. Missing → `{}`. Unreadable, not a regular file, or not a JSON object →
 * LoginError, unless `lenient`, when it is reported through `onIgnored` and treated as empty.
 */
export function readAuthFile(file: string, lenient = false, onIgnored?: (why: string) => void): AuthFile {
  let text: string | undefined;
  try {
    text = readRegularFile(file);
  } catch (error) {
    const why =
      error instanceof NotRegularFile
        ? error.message
        : `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`;
    if (lenient) {
      onIgnored?.(why);
      return {};
    }
    throw new LoginError(
      error instanceof NotRegularFile
        ? `${why}: replace it with a file or remove it.`
        : `Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? messageOf(error)}.`
    );
  }
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!isRecord(value)) {
    if (lenient) {
      onIgnored?.(`${file} is not a JSON object`);
      return {};
    }
    throw new LoginError(`${file} is not a JSON object: fix or remove it, then run the step again.`);
  }
  return value as AuthFile;
}

/**
 * The file a path finally names, following symbolic links (a dangling one too), so that an
 * explicit config.json that is a link is written through to its target instead of replaced.
 */
export function linkTarget(file: string): string {
  let current = file;
  for (let hops = 0; hops < 40; hops++) {
    const stat = fs.lstatSync(current, { throwIfNoEntry: false });
    if (!stat?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new LoginError(`${file} is a chain of more than 40 symbolic links.`);
}

/** The mode to write `file` with: its own when it exists, else 0600. */
export function modeFor(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? stat.mode & 0o777 : 0o600;
}
