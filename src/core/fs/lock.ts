/**
 * A lock shared by processes on one machine: the explicit docker config's, so that concurrent
 * jobs do not lose each other's updates, and the credential helper's per-host refresh lock, so
 * that concurrent `get`s refresh once.
 *
 * The lock at `<path>` is a directory holding one `owner.<random>` file (this process's ID and
 * host name). Taking it renames a prepared directory into place, which fails while another lock
 * is there. A lock whose holder is no longer running on this machine, or has held it longer than
 * the caller's staleness limit, is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginError } from '../errors.js';
import { isRecord } from '../json.js';
import { readRegularFile, uniqueSuffix } from './atomic.js';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const OWNER_PREFIX = 'owner.';
/** How long a job waits for the docker config's lock: longer than a lock takes to become stale. */
const LOCK_WAIT_MS = 45_000;
/** A docker config lock whose holder has held it this long (or is no longer running) is taken over. */
const LOCK_STALE_MS = 30_000;

/** Timing of withLock; `scale` (in (0, 1]) shortens it for tests, as the time scale does. */
export interface LockOptions {
  scale?: number;
}

/** Who holds a lock: written into the lock when it is taken. */
interface LockOwner {
  pid: number;
  host: string;
}

/** Whether a process runs on this machine. EPERM means it runs as someone else. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock's owner is gone: a dead process on this machine, or a hold past `staleMs`. */
function ownerGone(owner: Partial<LockOwner> | undefined, heldMs: number, staleMs: number): boolean {
  if (heldMs > staleMs) return true;
  return typeof owner?.pid === 'number' && owner.host === os.hostname() && !processAlive(owner.pid);
}

function readOwner(file: string): Partial<LockOwner> | undefined {
  try {
    const value: unknown = JSON.parse(readRegularFile(file, { maxBytes: 4096 }) ?? '');
    return isRecord(value) ? (value as Partial<LockOwner>) : undefined;
  } catch {
    return undefined;
  }
}

/** The owner file of the lock directory `lock`, if it has one. */
function ownerFileOf(lock: string): string | undefined {
  try {
    const owner = fs.readdirSync(lock).find((name) => name.startsWith(OWNER_PREFIX));
    return owner ? path.join(lock, owner) : undefined;
  } catch {
    return undefined;
  }
}

function tolerate(action: () => void, codes: readonly string[]): void {
  try {
    action();
  } catch (error) {
    if (!codes.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

const RMDIR_RACES = ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM'];

/**
 * When the lock at `lock` is stale, clears it and returns true (the caller tries again);
 * returns false while a live holder has it, or while something that is not a lock is there.
 *
 * Clearing removes the one named owner file, never "whatever is at the lock path": when several
 * processes find the same stale lock, the first removes the owner file, and the others' removals
 * fail harmlessly instead of removing a lock someone has just taken. The emptied directory is
 * then removed (rmdir only removes an empty directory, so it can never remove a lock in use).
 */
function clearIfStale(lock: string, staleMs: number): boolean {
  const stat = fs.lstatSync(lock, { throwIfNoEntry: false });
  if (!stat) return true;
  if (!stat.isDirectory()) return false;
  let entries: string[];
  try {
    entries = fs.readdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (entries.length === 0) {
    // Emptied by a holder that is releasing it (or died doing so).
    tolerate(() => fs.rmdirSync(lock), RMDIR_RACES);
    return true;
  }
  const ownerFile = ownerFileOf(lock);
  if (!ownerFile) return false;
  const ownerStat = fs.statSync(ownerFile, { throwIfNoEntry: false });
  if (!ownerStat) return true;
  if (!ownerGone(readOwner(ownerFile), Date.now() - ownerStat.mtimeMs, staleMs)) return false;
  tolerate(() => fs.unlinkSync(ownerFile), ['ENOENT']);
  tolerate(() => fs.rmdirSync(lock), RMDIR_RACES);
  return true;
}

/** Renames the prepared lock directory into place; false while something is there. */
function tryRename(staging: string, lock: string): boolean {
  try {
    fs.renameSync(staging, lock);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // ENOTEMPTY/EEXIST: a lock is there; ENOTDIR: a file is there; EPERM or EACCES: Windows,
    // which does not rename onto an existing directory.
    if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code)) return false;
    if (['EPERM', 'EACCES'].includes(code) && fs.lstatSync(lock, { throwIfNoEntry: false })) return false;
    throw error;
  }
}

/** Releases a lock: removes our owner file, then the directory (only if empty, so never a lock another process has taken over). */
function releaseLock(lock: string, ownerName: string): void {
  tolerate(() => fs.unlinkSync(path.join(lock, ownerName)), ['ENOENT']);
  tolerate(() => fs.rmdirSync(lock), RMDIR_RACES);
}

/**
 * Tries once to take the lock at `lock` (clearing it first when its holder is gone or has held it
 * longer than `staleMs`): returns the function that releases it, or undefined while another
 * process holds it. The owner file is written at each try, so that time spent waiting never
 * counts as time held.
 */
export function tryLock(lock: string, staleMs: number): (() => void) | undefined {
  const unique = uniqueSuffix();
  const ownerName = `${OWNER_PREFIX}${unique}`;
  const staging = `${lock}.${unique}`;
  fs.mkdirSync(staging, { mode: DIR_MODE });
  try {
    const owner: LockOwner = { pid: process.pid, host: os.hostname() };
    fs.writeFileSync(path.join(staging, ownerName), JSON.stringify(owner), { mode: FILE_MODE });
    for (let attempt = 0; attempt < 2; attempt++) {
      if (tryRename(staging, lock)) return () => releaseLock(lock, ownerName);
      if (!clearIfStale(lock, staleMs)) break;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return undefined;
}

/** The process ID holding the lock at `lock`, when it says (undefined when free or unknown). */
export function lockHolder(lock: string): number | undefined {
  const ownerFile = ownerFileOf(lock);
  const pid = ownerFile ? readOwner(ownerFile)?.pid : undefined;
  return typeof pid === 'number' ? pid : undefined;
}

/** Removes staging directories of processes that died between preparing a try and cleaning it up. Called holding the lock. */
function sweepStaging(lock: string, staleMs: number): void {
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
    const ownerFile = ownerFileOf(staging);
    const written = (ownerFile && fs.statSync(ownerFile, { throwIfNoEntry: false })?.mtimeMs) || stat.mtimeMs;
    if (ownerGone(ownerFile ? readOwner(ownerFile) : undefined, Date.now() - written, staleMs))
      fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Runs `fn` holding `<file>.lock`, trying (tryLock) until it is taken: a holder that is no
 * longer running, or has held it for over 30 s, is taken over; a job waits up to 45 s, longer
 * than a lock takes to become stale.
 */
export async function withLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const scale = options.scale ?? 1;
  const waitMs = LOCK_WAIT_MS * scale;
  const staleMs = LOCK_STALE_MS * scale;
  const lock = `${file}.lock`;
  const deadline = Date.now() + waitMs;
  let release: (() => void) | undefined;
  while (!(release = tryLock(lock, staleMs))) {
    if (Date.now() > deadline) {
      throw new LoginError(
        `Could not update ${file}: could not take ${lock} within ${Math.round(waitMs / 1000)} s (other jobs kept it busy, ` +
          `or it holds something other than a lock). Run the step again; if no job is using ${file}, remove ${lock}.`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 25));
  }
  try {
    sweepStaging(lock, staleMs);
    return await fn();
  } finally {
    // Our owner file is gone only if a process took the lock over from us; then the lock is theirs.
    release();
  }
}
