/**
 * Docker and containers-image credentials: read, merge and atomically write auth files, and
 * undo exactly what was merged.
 *
 * Two facts shape this module. The docker CLI ignores an `auths` entry when the config names a
 * `credsStore` (or a `credHelpers` entry for the host): it then asks that helper instead. An
 * empty `credHelpers` entry for the host sends docker back to `auths`. The containers-image
 * tools (skopeo, podman, buildah) ignore `credsStore`, but treat any `credHelpers` entry, even
 * an empty one, as a helper to run; so they get their own auth file, exported as
 * REGISTRY_AUTH_FILE, which they read first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginError, messageOf } from './errors.js';

export type AuthFile = Record<string, unknown> & {
  auths?: Record<string, unknown>;
  credHelpers?: Record<string, unknown>;
  credsStore?: unknown;
};

/** Which client family reads a file, which decides how a host's credential helper is set aside. */
export type FileKind = 'docker' | 'containers';

/** What one merge changed. May hold an earlier credential: keep private. */
export interface LoginChange {
  file: string;
  registry: string;
  kind: FileKind;
  previousAuth?: unknown;
  /** The host's `credHelpers` entry before, when there was one. */
  previousHelper?: unknown;
  helperChanged: boolean;
  hadHelpers: boolean;
}

/** A change kept so that it can be undone later. */
export interface MergeRecord extends LoginChange {
  /** SHA-256 of the `auth` value written, to recognise our entry without storing it. */
  authDigest: string;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const LOCK_WAIT_MS = 20_000;
const LOCK_STALE_MS = 30_000;

/** The `auth` value docker expects: base64 of `user:password`. */
export function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export type Digest = (value: string) => string;

/** SHA-256, hex. node:crypto is loaded only when a change has to be recorded for undoing. */
export async function loadDigest(): Promise<Digest> {
  const { createHash } = await import('node:crypto');
  return (value) => createHash('sha256').update(value).digest('hex');
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
 * Reads an auth file. Missing → `{}`. Unreadable or not a JSON object → LoginError, unless
 * `lenient`, when it is reported through `onIgnored` and treated as empty.
 */
export function readAuthFile(file: string, lenient = false, onIgnored?: (why: string) => void): AuthFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    if (lenient) {
      onIgnored?.(`${file} could not be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`);
      return {};
    }
    throw new LoginError(`Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? messageOf(error)}.`);
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (lenient) {
      onIgnored?.(`${file} is not a JSON object`);
      return {};
    }
    throw new LoginError(`${file} is not a JSON object: fix or remove it, then run the step again.`);
  }
  return value as AuthFile;
}

let temporaries = 0;

/**
 * Writes JSON through a temporary file and a rename, so readers never see half a file.
 * `durable` also flushes it to disk first: for files that outlive the job.
 */
export function writeFileAtomic(file: string, content: object, durable = false): void {
  const unique = `${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}`;
  const temporary = `${file}.${unique}.tmp`;
  const fd = fs.openSync(temporary, 'wx', FILE_MODE);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(content, null, '\t')}\n`);
    if (durable) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Runs `fn` holding `<file>.lock`, so that concurrent jobs sharing a config directory do not
 * lose each other's updates. A lock older than 30 s is taken to be left by a dead process.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx', FILE_MODE);
      fs.writeFileSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new LoginError(`Could not update ${file}: ${lock} has been held by another process for over ${LOCK_WAIT_MS / 1000} s.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 25));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Adds the login for `registry` to a parsed file; returns what it replaced. Pure. */
export function applyLogin(config: AuthFile, registry: string, auth: string, kind: FileKind, file: string): LoginChange {
  const auths = isRecord(config.auths) ? config.auths : {};
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
  const record: LoginChange = {
    file,
    registry,
    kind,
    previousAuth: auths[registry],
    previousHelper: helpers?.[registry],
    helperChanged: false,
    hadHelpers: helpers !== undefined
  };
  config.auths = { ...auths, [registry]: { auth } };
  const hostHelper = helpers !== undefined && registry in helpers;
  if (kind === 'docker') {
    // docker reads `auths` only when no helper applies to the host; "" means "no helper".
    const storeApplies = typeof config.credsStore === 'string' && config.credsStore !== '';
    if ((storeApplies && !hostHelper) || (hostHelper && helpers[registry] !== '')) {
      config.credHelpers = { ...(helpers ?? {}), [registry]: '' };
      record.helperChanged = true;
    }
  } else if (hostHelper) {
    // containers-image runs any listed helper, even "": the entry has to go.
    const rest = { ...helpers };
    delete rest[registry];
    config.credHelpers = rest;
    record.helperChanged = true;
  }
  return record;
}

/**
 * Undoes `record` in a parsed file when the entry is still the one written: puts back what was
 * there before. Returns whether anything changed. Pure.
 */
export function revertLogin(config: AuthFile, record: MergeRecord, digest: Digest): boolean {
  let changed = false;
  const auths = isRecord(config.auths) ? config.auths : undefined;
  const entry = auths?.[record.registry];
  const current = isRecord(entry) && typeof entry.auth === 'string' ? entry.auth : undefined;
  if (auths && current !== undefined && digest(current) === record.authDigest) {
    if (record.previousAuth === undefined) delete auths[record.registry];
    else auths[record.registry] = record.previousAuth;
    changed = true;
  }
  if (record.helperChanged) {
    const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
    const ours = record.kind === 'docker' ? helpers?.[record.registry] === '' : !(helpers && record.registry in helpers);
    if (ours) {
      const next = { ...(helpers ?? {}) };
      if (record.previousHelper === undefined) delete next[record.registry];
      else next[record.registry] = record.previousHelper;
      if (Object.keys(next).length === 0 && !record.hadHelpers) delete config.credHelpers;
      else config.credHelpers = next;
      changed = true;
    }
  }
  return changed;
}

/** Merges the login into `file` under its lock; creates the directory (0700) when missing. */
export async function mergeLoginInto(file: string, registry: string, auth: string, kind: FileKind): Promise<MergeRecord> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
  const digest = await loadDigest();
  return withFileLock(file, async () => {
    const config = readAuthFile(file);
    const change = applyLogin(config, registry, auth, kind, file);
    writeFileAtomic(file, config, true);
    return { ...change, authDigest: digest(auth) };
  });
}

/** Undoes a merge under the file's lock. Returns whether the file changed. */
export async function revertLoginIn(record: MergeRecord): Promise<boolean> {
  const digest = await loadDigest();
  return withFileLock(record.file, async () => {
    const config = readAuthFile(record.file);
    if (!revertLogin(config, record, digest)) return false;
    writeFileAtomic(record.file, config, true);
    return true;
  });
}

/** Entries of a docker config directory that a job-scoped copy links to, so that CLI plugins,
 *  contexts and buildx builders keep working. */
const LINKED_ENTRIES = ['cli-plugins', 'contexts', 'buildx'];

/** Creates the job-scoped directory for this login under `root` (0700). */
export function createJobDir(root: string): string {
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, 'chainguard-login-'));
}

/** Links the seed directory's plugins, contexts and builders into a job-scoped directory. */
export function linkSeedEntries(seedDir: string, jobDir: string): void {
  for (const name of LINKED_ENTRIES) {
    const target = path.join(seedDir, name);
    if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) fs.symlinkSync(target, path.join(jobDir, name), 'dir');
  }
}

/** Whether `dir` is a job-scoped directory this module created (the only kind it deletes whole). */
export function isJobDir(dir: string): boolean {
  return path.isAbsolute(dir) && /^chainguard-login-[A-Za-z0-9]{6}$/.test(path.basename(dir));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
