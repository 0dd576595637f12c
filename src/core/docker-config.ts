/**
 * Docker and containers-image credentials: read, merge and atomically write auth files, undo
 * exactly what was merged, and keep jobs that share one docker config from undoing each other.
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
import { NotRegularFile, processAlive, readRegularFile, uniqueSuffix, writeTextAtomic } from './files.js';

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

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
/** How long a job waits for the lock: longer than a lock takes to become stale. */
const LOCK_WAIT_MS = 45_000;
/** A lock whose holder has held it this long (or is no longer running) is taken over. */
const LOCK_STALE_MS = 30_000;

/** The `auth` value docker expects: base64 of `user:password`. */
export function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export type Digest = (value: string) => string;

/** SHA-256, hex; node:crypto is loaded on first use. */
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
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (lenient) {
      onIgnored?.(`${file} is not a JSON object`);
      return {};
    }
    throw new LoginError(`${file} is not a JSON object: fix or remove it, then run the step again.`);
  }
  return value as AuthFile;
}

/**
 * Writes JSON through a temporary file and a rename, so readers never see half a file; a failed
 * write removes its temporary file. `durable` also flushes it to disk first: for files that
 * outlive the job. `mode` is the file's mode (default 0600), applied whatever the umask.
 */
export function writeFileAtomic(file: string, content: object, durable = false, mode = FILE_MODE): void {
  writeTextAtomic(file, `${JSON.stringify(content, null, '\t')}\n`, { durable, mode });
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

/** Timing of the lock; `scale` (in (0, 1]) shortens it for tests, as CHAINGUARD_LOGIN_TIME_SCALE does. */
export interface LockOptions {
  scale?: number;
}

/** Who holds a lock: written into the lock when it is taken. */
interface LockOwner {
  pid: number;
  host: string;
}

const OWNER_PREFIX = 'owner.';

/** Whether a lock's owner is gone: a dead process on this machine, or a hold past `staleMs`. */
function ownerGone(owner: Partial<LockOwner> | undefined, heldMs: number, staleMs: number): boolean {
  if (heldMs > staleMs) return true;
  return typeof owner?.pid === 'number' && owner.host === os.hostname() && !processAlive(owner.pid);
}

function readOwner(file: string): Partial<LockOwner> | undefined {
  try {
    const value: unknown = JSON.parse(readRegularFile(file, { maxBytes: 4096 }) ?? '');
    return value !== null && typeof value === 'object' ? (value as Partial<LockOwner>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the lock at `lock` is stale, clears it and returns true (the caller tries again);
 * returns false while a live holder has it.
 *
 * The lock is a directory holding one `owner.<random>` file. Clearing removes that one named
 * file, never "whatever is at the lock path": when several jobs find the same stale lock, the
 * first removes the owner file, and the others' removals fail harmlessly instead of removing a
 * lock someone has just taken. The emptied directory is then replaced (or removed: rmdir only
 * removes an empty directory, so it can never remove a lock in use).
 */
function clearIfStale(lock: string, staleMs: number): boolean {
  const stat = fs.lstatSync(lock, { throwIfNoEntry: false });
  if (!stat) return true;
  const now = Date.now();
  if (!stat.isDirectory()) {
    // A lock file in the format of earlier versions: the holder's process ID. Unlinking a path
    // never removes a directory lock, so two jobs clearing it cannot remove each other's lock.
    let content: string | undefined;
    try {
      content = readRegularFile(lock);
    } catch {
      content = undefined;
    }
    const pid = Number.parseInt(content ?? '', 10);
    if (!ownerGone(Number.isInteger(pid) ? { pid, host: os.hostname() } : undefined, now - stat.mtimeMs, staleMs)) return false;
    tolerate(() => fs.unlinkSync(lock), ['ENOENT', 'EISDIR', 'EPERM']);
    return true;
  }
  let entries: string[];
  try {
    entries = fs.readdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (entries.length === 0) {
    // Emptied by a holder that is releasing it (or died doing so).
    tolerate(() => fs.rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
    return true;
  }
  const owner = entries.find((name) => name.startsWith(OWNER_PREFIX));
  if (!owner) return false;
  const ownerFile = path.join(lock, owner);
  const ownerStat = fs.statSync(ownerFile, { throwIfNoEntry: false });
  if (!ownerStat) return true;
  if (!ownerGone(readOwner(ownerFile), now - ownerStat.mtimeMs, staleMs)) return false;
  tolerate(() => fs.unlinkSync(ownerFile), ['ENOENT']);
  tolerate(() => fs.rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
  return true;
}

/** Removes staging directories of jobs that died waiting for the lock. Called holding it. */
function sweepStaging(lock: string, waitMs: number): void {
  const dir = path.dirname(lock);
  const prefix = `${path.basename(lock)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.\d+\.[a-z0-9]+$/.test(name.slice(prefix.length))) continue;
    const staging = path.join(dir, name);
    const stat = fs.lstatSync(staging, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) continue;
    const ownerFile = fs
      .readdirSync(staging)
      .filter((entry) => entry.startsWith(OWNER_PREFIX))
      .map((entry) => path.join(staging, entry))[0];
    // A waiter touches its owner file at every try and never waits longer than waitMs.
    const touched = (ownerFile && fs.statSync(ownerFile, { throwIfNoEntry: false })?.mtimeMs) || stat.mtimeMs;
    if (ownerGone(ownerFile ? readOwner(ownerFile) : undefined, Date.now() - touched, waitMs))
      fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Renames the prepared lock directory into place; false while another lock is there. */
function tryRename(staging: string, lock: string): boolean {
  try {
    fs.renameSync(staging, lock);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // ENOTEMPTY/EEXIST: a lock is there; ENOTDIR: a lock file of an earlier version; EPERM or
    // EACCES: Windows, which does not rename onto an existing directory.
    if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code)) return false;
    if (['EPERM', 'EACCES'].includes(code) && fs.lstatSync(lock, { throwIfNoEntry: false })) return false;
    throw error;
  }
}

/**
 * Tries once to take the lock at `lock` (clearing it first when its holder is gone or has held
 * it longer than `staleMs`): returns the function that releases it, or undefined while another
 * process holds it. The same lock as withFileLock's, for callers that do something else while
 * they wait (the credential helper reads the cache another process is refreshing).
 */
export function tryFileLock(lock: string, staleMs: number): (() => void) | undefined {
  const unique = uniqueSuffix();
  const ownerName = `${OWNER_PREFIX}${unique}`;
  const staging = `${lock}.${unique}`;
  fs.mkdirSync(staging, { mode: DIR_MODE });
  try {
    fs.writeFileSync(path.join(staging, ownerName), JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies LockOwner), {
      mode: FILE_MODE
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      if (tryRename(staging, lock)) return () => releaseLock(lock, ownerName);
      if (!clearIfStale(lock, staleMs)) break;
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  fs.rmSync(staging, { recursive: true, force: true });
  return undefined;
}

/** The process ID holding the lock at `lock`, when it says (undefined when free or unknown). */
export function lockHolder(lock: string): number | undefined {
  const stat = fs.lstatSync(lock, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (!stat.isDirectory()) {
    let content: string | undefined;
    try {
      content = readRegularFile(lock);
    } catch {
      return undefined;
    }
    const pid = Number.parseInt(content ?? '', 10);
    return Number.isInteger(pid) ? pid : undefined;
  }
  let owner: string | undefined;
  try {
    owner = fs.readdirSync(lock).find((name) => name.startsWith(OWNER_PREFIX));
  } catch {
    return undefined;
  }
  const pid = owner ? readOwner(path.join(lock, owner))?.pid : undefined;
  return typeof pid === 'number' ? pid : undefined;
}

/** Releases a lock: removes our owner file, then the directory (only if empty, so never a lock another job has taken over). */
function releaseLock(lock: string, ownerName: string): void {
  tolerate(() => fs.unlinkSync(path.join(lock, ownerName)), ['ENOENT']);
  tolerate(() => fs.rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
}

/** Sets a file's times to now. */
function touch(file: string): void {
  const now = new Date();
  fs.utimesSync(file, now, now);
}

function tolerate(action: () => void, codes: readonly string[]): void {
  try {
    action();
  } catch (error) {
    if (!codes.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

/**
 * Runs `fn` holding `<file>.lock`, so that concurrent jobs sharing a config directory do not
 * lose each other's updates.
 *
 * Taking the lock renames a prepared directory (holding `owner.<random>` with this process's
 * ID and host name) to `<file>.lock`; the rename fails while another job's lock is there. A
 * lock whose holder is no longer running on this machine, or has held it for over 30 s, is
 * stale and taken over (see clearIfStale). A job waits up to 45 s, longer than a lock takes to
 * become stale.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const scale = options.scale ?? 1;
  const waitMs = LOCK_WAIT_MS * scale;
  const staleMs = LOCK_STALE_MS * scale;
  const lock = `${file}.lock`;
  const unique = uniqueSuffix();
  const ownerName = `${OWNER_PREFIX}${unique}`;
  const staging = `${lock}.${unique}`;
  const deadline = Date.now() + waitMs;
  const stagedOwner = path.join(staging, ownerName);
  fs.mkdirSync(staging, { mode: DIR_MODE });
  try {
    fs.writeFileSync(stagedOwner, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies LockOwner), { mode: FILE_MODE });
    // The owner file's time is when the lock was taken (others judge staleness by it): touched
    // before every try, so that time spent waiting does not count.
    for (;;) {
      touch(stagedOwner);
      if (tryRename(staging, lock)) break;
      const cleared = clearIfStale(lock, staleMs);
      if (Date.now() > deadline) {
        throw new LoginError(
          `Could not update ${file}: could not take ${lock} within ${Math.round(waitMs / 1000)} s (other jobs kept it busy, ` +
            `or it holds something other than a lock). Run the step again; if no job is using ${file}, remove ${lock}.`
        );
      }
      await new Promise((resolve) => setTimeout(resolve, cleared ? 1 : 5 + Math.random() * 25));
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    sweepStaging(lock, waitMs);
    return await fn();
  } finally {
    // Our owner file is gone only if a job took the lock over from us; then the lock is theirs.
    releaseLock(lock, ownerName);
  }
}

/** A file's `auths` and `credHelpers`, and the record of what a change to `registry` replaces. */
function changeOf(config: AuthFile, registry: string, kind: FileKind, file: string) {
  const auths = isRecord(config.auths) ? config.auths : {};
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
  const record: LoginChange = {
    file,
    registry,
    kind,
    previousAuth: own(auths, registry),
    previousHelper: own(helpers, registry),
    helperChanged: false,
    hadHelpers: helpers !== undefined
  };
  return { auths, helpers, record };
}

/** Adds the login for `registry` to a parsed file; returns what it replaced. Pure. */
export function applyLogin(config: AuthFile, registry: string, auth: string, kind: FileKind, file: string): LoginChange {
  const { auths, helpers, record } = changeOf(config, registry, kind, file);
  config.auths = { ...auths, [registry]: { auth } };
  const hostHelper = hasOwn(helpers, registry);
  if (kind === 'docker') {
    // docker reads `auths` only when no helper applies to the host; "" means "no helper".
    const storeApplies = typeof config.credsStore === 'string' && config.credsStore !== '';
    if ((storeApplies && !hostHelper) || (hostHelper && own(helpers, registry) !== '')) {
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
 * What a login puts in a config for one host: a static credential (`auth`, base64 of
 * user:password) or the name of the credential helper that hands one out (`docker-credential-<name>`).
 */
export type HostCredential = { auth: string } | { helper: string };

/** A host and what to put in for it. */
export interface HostLogin {
  registry: string;
  credential: HostCredential;
}

/**
 * Names `helper` as the host's credential helper in a parsed file; returns what it replaced.
 * A `credHelpers` entry wins over `credsStore` and `auths` for docker and the containers-image
 * tools alike, so `auths` is left as it is. Pure.
 */
export function applyHelper(config: AuthFile, registry: string, helper: string, kind: FileKind, file: string): LoginChange {
  const { helpers, record } = changeOf(config, registry, kind, file);
  record.helperChanged = true;
  config.credHelpers = { ...(helpers ?? {}), [registry]: helper };
  return record;
}

/** Puts a host's credential into a parsed file, as `kind`'s clients read it. Pure. */
export function applyCredential(config: AuthFile, registry: string, credential: HostCredential, kind: FileKind, file: string): LoginChange {
  return 'helper' in credential
    ? applyHelper(config, registry, credential.helper, kind, file)
    : applyLogin(config, registry, credential.auth, kind, file);
}

/**
 * What an explicit docker config's shared record keeps about one registry while jobs are
 * logged in to it through that config. It lives beside config.json (mode 0600), is read and
 * written only under the config's lock, and holds no token: only what the entry held before
 * the first job (the user's own credential, already in config.json) and digests.
 */
export interface SharedEntry {
  /** The registry's `auths` entry before the first job logged in; absent when there was none. */
  originalAuth?: unknown;
  /** Its `credHelpers` entry before then, and whether `credHelpers` existed at all. */
  originalHelper?: unknown;
  hadHelpers: boolean;
  /** Whether the jobs set the host's credential helper aside (an empty `credHelpers` entry). */
  helperChanged: boolean;
  /** SHA-256 of every auth value a job wrote since: the only entries the record replaces. */
  written: string[];
  /** The credential helper names jobs set for the host since: the only helper entries the record replaces. */
  helpers?: string[];
  /**
   * The jobs still logged in, by their marker, with their job directory and machine, and whether
   * they logged in through the credential helper (absent in records of earlier versions).
   */
  jobs: Record<string, SharedJob>;
}

/** A job logged in through a shared config. */
export interface SharedJob {
  dir: string;
  host: string;
  helper?: boolean;
}

/**
 * Refuses a login that would replace another job's login of the other kind (credential helper
 * or static) for the same registry in a shared config: the config holds one kind per registry,
 * so one job would pull as the other or find no credentials.
 */
export class SharedLoginConflict extends Error {
  constructor(
    readonly registry: string,
    readonly other: SharedJob,
    /** Whether the other job logged in through the credential helper. */
    readonly otherHelper: boolean
  ) {
    super(
      `${registry} is logged in to by another job (${other.dir} on ${other.host}) ${otherHelper ? 'through the credential helper' : 'with a static credential'}`
    );
    this.name = 'SharedLoginConflict';
  }
}

export interface SharedRecord {
  version: 1;
  registries: Record<string, SharedEntry>;
}

/** A job, as a shared record knows it: its random marker and its job directory. */
export interface JobRef {
  id: string;
  dir: string;
}

/** What leaving a shared config did for the registry. */
export type LeaveOutcome = 'restored' | 'others-remain' | 'changed-since' | 'not-joined';

/** The shared record's file, beside the config file. */
export function sharedRecordFile(configFile: string): string {
  return `${configFile}.chainguard-login.json`;
}

function authDigestOf(entry: unknown, digest: Digest): string | undefined {
  return isRecord(entry) && typeof entry.auth === 'string' ? digest(entry.auth) : undefined;
}

/**
 * Records `job` as logged in to `registry` and writes its login into `config`. The first job
 * (or the first after the user rewrote the entry) keeps what the entry held before. Throws
 * SharedLoginConflict, changing nothing, when another job still logged in to the registry used
 * the other kind of login (credential helper or static). Pure.
 */
export function joinShared(
  config: AuthFile,
  record: SharedRecord,
  registry: string,
  credential: string | HostCredential,
  job: JobRef,
  host: string,
  digest: Digest
): void {
  const given: HostCredential = typeof credential === 'string' ? { auth: credential } : credential;
  const auths = isRecord(config.auths) ? config.auths : {};
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
  let entry = own(record.registries, registry) as SharedEntry | undefined;
  const current = authDigestOf(own(auths, registry), digest);
  const tokenInPlace = current !== undefined && entry?.written.includes(current) === true;
  const currentHelper = own(helpers, registry);
  const helperInPlace = typeof currentHelper === 'string' && entry?.helpers?.includes(currentHelper) === true;
  const helper = 'helper' in given;
  if (entry) {
    // Jobs of earlier versions did not say which kind they used: the entry in place says it.
    const inPlace = helperInPlace ? true : tokenInPlace ? false : undefined;
    for (const [id, other] of Object.entries(entry.jobs)) {
      const otherHelper = other.helper ?? inPlace;
      if (id !== job.id && otherHelper !== undefined && otherHelper !== helper) throw new SharedLoginConflict(registry, other, otherHelper);
    }
  }
  if (!entry || !(tokenInPlace || helperInPlace)) {
    // No job's login is in place: what is there now is the user's, to put back at the end.
    const helperOverridden = entry?.helperChanged === true && currentHelper === '';
    const next: SharedEntry = {
      hadHelpers: helperOverridden ? entry?.hadHelpers === true : helpers !== undefined,
      helperChanged: helperOverridden,
      written: entry?.written ?? [],
      ...(entry?.helpers ? { helpers: entry.helpers } : {}),
      jobs: entry?.jobs ?? nullRecord()
    };
    if (hasOwn(auths, registry)) next.originalAuth = auths[registry];
    const originalHelper = helperOverridden ? entry?.originalHelper : currentHelper;
    if (originalHelper !== undefined) next.originalHelper = originalHelper;
    entry = next;
  }
  const change = applyCredential(config, registry, given, 'docker', '');
  if ('helper' in given) {
    entry.helpers = [...(entry.helpers ?? []).filter((name) => name !== given.helper), given.helper];
  } else {
    entry.helperChanged ||= change.helperChanged;
    entry.written = [...entry.written.filter((d) => d !== digest(given.auth)), digest(given.auth)];
  }
  entry.jobs[job.id] = { dir: job.dir, host, helper };
  record.registries[registry] = entry;
}

/**
 * Removes `job` from the record; when no job is left for the registry, puts back what the entry
 * held before the first job (only where a job's token is still in place) and forgets the
 * registry. Returns the outcome and whether `config` changed. Pure.
 */
export function leaveShared(
  config: AuthFile,
  record: SharedRecord,
  registry: string,
  jobId: string,
  digest: Digest
): { outcome: LeaveOutcome; changed: boolean } {
  const entry = own(record.registries, registry) as SharedEntry | undefined;
  if (!entry || !hasOwn(entry.jobs, jobId)) return { outcome: 'not-joined', changed: false };
  delete entry.jobs[jobId];
  if (Object.keys(entry.jobs).length > 0) return { outcome: 'others-remain', changed: false };
  return settleEntry(config, record, registry, digest);
}

/** The last job has left `registry`: restores its entries and forgets it. Pure. */
function settleEntry(
  config: AuthFile,
  record: SharedRecord,
  registry: string,
  digest: Digest
): { outcome: LeaveOutcome; changed: boolean } {
  const entry = own(record.registries, registry) as SharedEntry | undefined;
  delete record.registries[registry];
  if (!entry) return { outcome: 'not-joined', changed: false };
  let changed = false;
  let outcome: LeaveOutcome = 'restored';
  const auths = isRecord(config.auths) ? config.auths : undefined;
  const current = authDigestOf(own(auths, registry), digest);
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
  const currentHelper = own(helpers, registry);
  const ourHelper = typeof currentHelper === 'string' && currentHelper !== '' && entry.helpers?.includes(currentHelper) === true;
  if (auths && current !== undefined && entry.written.includes(current)) {
    if (entry.originalAuth === undefined) delete auths[registry];
    else setOwn(auths, registry, entry.originalAuth);
    changed = true;
  } else if (own(auths, registry) !== undefined && !(entry.written.length === 0 && sameJson(own(auths, registry), entry.originalAuth))) {
    // A helper-only record never touched `auths`: the user's own entry there is not a change.
    outcome = 'changed-since';
  }
  if (
    entry.helpers?.length &&
    !ourHelper &&
    currentHelper !== undefined &&
    currentHelper !== '' &&
    !sameJson(currentHelper, entry.originalHelper)
  ) {
    outcome = 'changed-since';
  }
  if ((entry.helperChanged && currentHelper === '') || ourHelper) {
    const next: Record<string, unknown> = { ...helpers };
    if (entry.originalHelper === undefined) delete next[registry];
    else setOwn(next, registry, entry.originalHelper);
    if (Object.keys(next).length === 0 && !entry.hadHelpers) delete config.credHelpers;
    else config.credHelpers = next;
    changed = true;
  }
  return { outcome, changed };
}

/**
 * Forgets jobs that are gone (their job directory on this machine no longer exists: a job
 * killed before its post step ran) and settles registries no job uses any more. Returns whether
 * `config` changed.
 */
function pruneGoneJobs(config: AuthFile, record: SharedRecord, host: string, digest: Digest): boolean {
  let changed = false;
  for (const [registry, entry] of Object.entries(record.registries)) {
    for (const [id, job] of Object.entries(entry.jobs)) {
      if (job.host === host && isGone(job.dir)) delete entry.jobs[id];
    }
    if (Object.keys(entry.jobs).length === 0) changed = settleEntry(config, record, registry, digest).changed || changed;
  }
  return changed;
}

/** Whether a path certainly no longer exists (one this user cannot look into might). */
function isGone(file: string): boolean {
  try {
    fs.lstatSync(file);
    return false;
  } catch (error) {
    return ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
  }
}

/**
 * Reads a shared record; anything unreadable or malformed counts as no record, and a malformed
 * entry as no entry. Its maps (registries, jobs) have no prototype, so that a registry or job
 * named `__proto__`, `constructor` or `toString` is only ever a key.
 */
function readSharedRecord(file: string): SharedRecord {
  const value = readAuthFile(file, true);
  const record: SharedRecord = { version: 1, registries: nullRecord() };
  if (value.version !== 1 || !isRecord(value.registries)) return record;
  for (const [registry, entry] of Object.entries(value.registries)) {
    if (!isRecord(entry) || !Array.isArray(entry.written) || !isRecord(entry.jobs)) continue;
    const jobs = nullRecord<SharedJob>();
    for (const [id, job] of Object.entries(entry.jobs)) {
      if (!isRecord(job) || typeof job.dir !== 'string' || typeof job.host !== 'string') continue;
      jobs[id] = { dir: job.dir, host: job.host, ...(typeof job.helper === 'boolean' ? { helper: job.helper } : {}) };
    }
    const checked: SharedEntry = {
      hadHelpers: entry.hadHelpers === true,
      helperChanged: entry.helperChanged === true,
      written: entry.written.filter((d): d is string => typeof d === 'string'),
      ...(Array.isArray(entry.helpers) ? { helpers: entry.helpers.filter((n): n is string => typeof n === 'string') } : {}),
      jobs
    };
    if (hasOwn(entry, 'originalAuth')) checked.originalAuth = entry.originalAuth;
    if (hasOwn(entry, 'originalHelper')) checked.originalHelper = entry.originalHelper;
    record.registries[registry] = checked;
  }
  return record;
}

/** Writes the shared record, or removes it when it names no registry. */
function writeSharedRecord(file: string, record: SharedRecord): void {
  if (Object.keys(record.registries).length === 0) fs.rmSync(file, { force: true });
  else writeFileAtomic(file, record, true);
}

/** The mode to write `file` with: its own when it exists, else 0600. */
function modeFor(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? stat.mode & 0o777 : FILE_MODE;
}

/**
 * Merges `job`'s login into an explicit docker config file under its lock, recording the job in
 * the shared record first (so that a failure between the two leaves nothing unrecorded; a
 * failure writing the config puts the record back). A config.json that is a symbolic link is
 * written through to its target, keeping the target's mode. Creates the directory (0700) when
 * missing.
 */
export async function mergeLoginInto(file: string, registry: string, auth: string, job: JobRef, options: LockOptions = {}): Promise<void> {
  await mergeLoginsInto(file, [{ registry, credential: { auth } }], job, options);
}

/** As mergeLoginInto, for several hosts under one hold of the lock. */
export async function mergeLoginsInto(file: string, logins: readonly HostLogin[], job: JobRef, options: LockOptions = {}): Promise<void> {
  const target = linkTarget(file);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: DIR_MODE });
  const digest = await loadDigest();
  const host = os.hostname();
  await withFileLock(
    target,
    async () => {
      const config = readAuthFile(target);
      const recordFile = sharedRecordFile(target);
      const before = fs.existsSync(recordFile) ? readSharedRecord(recordFile) : undefined;
      const record = readSharedRecord(recordFile);
      pruneGoneJobs(config, record, host, digest);
      for (const login of logins) joinShared(config, record, login.registry, login.credential, job, host, digest);
      writeSharedRecord(recordFile, record);
      try {
        writeFileAtomic(target, config, true, modeFor(target));
      } catch (error) {
        if (before) writeSharedRecord(recordFile, before);
        else fs.rmSync(recordFile, { force: true });
        throw error;
      }
    },
    options
  );
}

/**
 * Takes `job`'s login out of an explicit docker config file under its lock: the last job to
 * leave a registry puts back what its entry held before the first one came, unless the user
 * has rewritten the entry since.
 */
export async function removeLoginFrom(file: string, registry: string, jobId: string, options: LockOptions = {}): Promise<LeaveOutcome> {
  return (await removeLoginsFrom(file, [registry], jobId, options))[0];
}

/** As removeLoginFrom, for several hosts under one hold of the lock; one outcome per host. */
export async function removeLoginsFrom(
  file: string,
  registries: readonly string[],
  jobId: string,
  options: LockOptions = {}
): Promise<LeaveOutcome[]> {
  const target = linkTarget(file);
  const recordFile = sharedRecordFile(target);
  if (!fs.existsSync(recordFile)) return registries.map(() => 'not-joined');
  const digest = await loadDigest();
  const host = os.hostname();
  return withFileLock(
    target,
    async () => {
      const config = readAuthFile(target);
      const record = readSharedRecord(recordFile);
      const left = registries.map((registry) => leaveShared(config, record, registry, jobId, digest));
      const pruned = pruneGoneJobs(config, record, host, digest);
      if (left.some((l) => l.changed) || pruned) writeFileAtomic(target, config, true, modeFor(target));
      writeSharedRecord(recordFile, record);
      return left.map((l) => l.outcome);
    },
    options
  );
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

/** The file in a job directory holding the random marker that the saved state also carries. */
const MARKER_FILE = '.chainguard-login-marker';

/** Writes the job directory's marker (0600). */
export function writeJobMarker(jobDir: string, marker: string): void {
  fs.writeFileSync(path.join(jobDir, MARKER_FILE), marker, { mode: FILE_MODE, flag: 'wx' });
}

/**
 * Why `dir` is not a job directory this step created for the state carrying `marker`, or
 * undefined when it is: a directory (not a link) directly under `tempRoot` (both with links
 * resolved) named chainguard-login-XXXXXX, owned by this user, mode 0700, holding the marker.
 * These are the only directories cleanup deletes whole.
 */
export function jobDirProblem(dir: string, marker: string, tempRoot: string): string | undefined {
  if (!path.isAbsolute(dir) || !/^chainguard-login-[A-Za-z0-9]{6}$/.test(path.basename(dir)))
    return 'it is not a directory this step creates';
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!stat) return 'it does not exist';
  if (!stat.isDirectory()) return 'it is not a directory';
  let parent: string;
  let root: string;
  try {
    parent = fs.realpathSync(path.dirname(dir));
    root = fs.realpathSync(tempRoot);
  } catch (error) {
    return `its location cannot be resolved (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`;
  }
  if (parent !== root) return `it is not directly under this runner's temp directory (${tempRoot})`;
  if (typeof process.getuid === 'function') {
    if (stat.uid !== process.getuid()) return 'it belongs to another user';
    if ((stat.mode & 0o777) !== DIR_MODE) return `its mode is ${(stat.mode & 0o777).toString(8)}, not 700`;
  }
  let found: string | undefined;
  try {
    const markerFile = path.join(dir, MARKER_FILE);
    found = fs.lstatSync(markerFile, { throwIfNoEntry: false })?.isFile() ? readRegularFile(markerFile) : undefined;
  } catch {
    found = undefined;
  }
  if (!marker || found !== marker) return 'it does not hold the marker this step left in it';
  return undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether `key` is `object`'s own property (never one inherited, such as `constructor`). */
function hasOwn(object: Record<string, unknown> | undefined, key: string): boolean {
  return object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
}

/** `object[key]` when it is `object`'s own property, else undefined. */
function own(object: Record<string, unknown> | undefined, key: string): unknown {
  return hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** Sets `object[key]` as an own property, whatever the key (`__proto__` included). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A record without a prototype: every key is its own. */
function nullRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
