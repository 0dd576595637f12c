/**
 * An explicit docker config shared by jobs (the `docker-config` input): each job's login is
 * merged into its config.json under the config's lock, and a record beside it (mode 0600, no
 * token: only what the entries held before the first job, digests and the jobs still logged in)
 * lets the last job to leave a registry put back what was there, unless the user rewrote it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';
import { withLock, type LockOptions } from '../fs/lock.js';
import { hasOwn, isRecord, nullRecord, own, sameJson, setOwn } from '../json.js';
import { linkTarget, modeFor, readAuthFile, type AuthFile } from './auth-file.js';
import { applyCredential, type HostCredential, type HostLogin } from './merge.js';

const DIR_MODE = 0o700;

export type Digest = (value: string) => string;

/** SHA-256, hex; node:crypto is loaded on first use. */
export async function loadDigest(): Promise<Digest> {
  const { createHash } = await import('node:crypto');
  return (value) => createHash('sha256').update(value).digest('hex');
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
  else writeFileAtomic(file, record, { durable: true });
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
  await withLock(
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
        writeFileAtomic(target, config, { durable: true, mode: modeFor(target) });
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
  return withLock(
    target,
    async () => {
      const config = readAuthFile(target);
      const record = readSharedRecord(recordFile);
      const left = registries.map((registry) => leaveShared(config, record, registry, jobId, digest));
      const pruned = pruneGoneJobs(config, record, host, digest);
      if (left.some((l) => l.changed) || pruned) writeFileAtomic(target, config, { durable: true, mode: modeFor(target) });
      writeSharedRecord(recordFile, record);
      return left.map((l) => l.outcome);
    },
    options
  );
}
