/**
 * The job directory: a private directory under the runner's temp directory that holds this
 * login's job-scoped docker config, containers auth file and credential helper, and the marker
 * that proves to the post step that it is this job's. The post step deletes it whole.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messageOf } from '../errors.js';
import { readRegularFile } from '../fs/atomic.js';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/**
 * Entries of a docker config directory that a job-scoped copy links to, so that CLI plugins,
 * contexts and buildx builders keep working; and what the job lacks when one is left out.
 */
const LINKED_ENTRIES: Record<string, string> = {
  'cli-plugins': 'docker CLI plugins installed there (buildx, compose, …) are not found in this job',
  contexts: 'docker contexts defined there are not available in this job',
  buildx: 'buildx builders defined there are not available in this job'
};

/** Creates the job-scoped directory for this login under `root` (0700). */
export function createJobDir(root: string): string {
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, 'chainguard-login-'));
}

export interface LinkOptions {
  /** Says which folder was left out, and why (Windows). */
  warn: (message: string) => void;
  /** Where this runs (default: process.platform); injectable for tests. */
  platform?: NodeJS.Platform;
  /** fs.symlinkSync, injectable for tests. */
  symlink?: (target: string, link: string, type: 'dir' | 'junction') => void;
}

/**
 * Links the seed directory's plugins, contexts and builders into a job-scoped directory. POSIX:
 * symbolic links (a failure fails the login). Windows: symbolic links need administrator rights
 * or Developer Mode, which a service account running an agent lacks; directory junctions need
 * neither (their target must be absolute). A junction that cannot be made leaves that folder
 * out with a warning naming it: the login itself goes on.
 */
export function linkSeedEntries(seedDir: string, jobDir: string, options: LinkOptions): void {
  const windows = (options.platform ?? process.platform) === 'win32';
  const symlink = options.symlink ?? ((target, link, type) => fs.symlinkSync(target, link, type));
  for (const [name, without] of Object.entries(LINKED_ENTRIES)) {
    const target = path.join(seedDir, name);
    if (!fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) continue;
    const link = path.join(jobDir, name);
    if (!windows) {
      symlink(target, link, 'dir');
      continue;
    }
    try {
      symlink(path.resolve(target), link, 'junction');
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? messageOf(error);
      options.warn(
        `Left ${name} out of the job's docker config: a directory junction to ${path.resolve(target)} could not be made (${why}); ${without}.`
      );
    }
  }
}

/**
 * Removes the links to the seed directory from a job directory before it is deleted, so that
 * no recursive deletion can go through one (a directory junction on Windows) into the user's
 * own docker config.
 */
export function unlinkSeedEntries(jobDir: string): void {
  for (const name of Object.keys(LINKED_ENTRIES)) {
    const link = path.join(jobDir, name);
    try {
      if (!fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
      fs.unlinkSync(link);
    } catch {
      // The deletion that follows reports what is left.
    }
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

/** The prefix of a credential helper's directory inside the job directory (see installHelper). */
const HELPER_DIR_PREFIX = 'chainguard-helper-';
/** How often the deletion of a job directory is tried (about 3 s in all). */
const REMOVE_ATTEMPTS = 20;

/**
 * Deletes the job directory. A client still pulling may be running the credential helper, which
 * writes its cache, failure record and lock into its directory while the deletion runs (making
 * it fail with ENOTEMPTY, and leaving a token behind). So the helper's directory is first moved
 * aside, within the job directory: every later write of a racing helper goes to the old path and
 * fails. A write whose path was resolved just before the move may still land in the moved
 * directory, so the deletion is tried again (listing the directory afresh each time) for a
 * moment; that also rides out Windows, where open files block it.
 */
export async function removeJobDir(jobDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = fs.readdirSync(jobDir);
  } catch {
    entries = [];
  }
  for (const name of entries) {
    if (!name.startsWith(HELPER_DIR_PREFIX)) continue;
    try {
      fs.renameSync(path.join(jobDir, name), path.join(jobDir, `.removing-${name}`));
    } catch {
      // Deleted in place below.
    }
  }
  unlinkSeedEntries(jobDir);
  for (let attempt = 1; ; attempt++) {
    try {
      fs.rmSync(jobDir, { recursive: true, force: true });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (attempt >= REMOVE_ATTEMPTS || !['ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM', 'EACCES'].includes(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(20 * attempt, 200)));
    }
  }
}

/** A random marker: 128 bits, hex. */
export async function newMarker(): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  return randomBytes(16).toString('hex');
}

/** The runner's temp directory, where job directories go: absolute (a relative TMPDIR is taken from the current directory). */
export function tempRootOf(tempDir: string | undefined): string {
  return path.resolve(tempDir || os.tmpdir());
}
