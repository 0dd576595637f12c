/**
 * Installs a registry login where docker and the containers-image tools will use it, and
 * removes it again at the end of the job.
 *
 * Default: a job-scoped directory under the runner's temp directory holds a copy of the user's
 * docker config with the login added (exported as DOCKER_CONFIG) and a containers auth file
 * (exported as REGISTRY_AUTH_FILE). With an explicit docker config directory, the login is
 * merged into that directory's config.json instead, and a record beside it (shared by every job
 * using that directory) keeps what the entry held before, to put back when the last job leaves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LoginError, messageOf } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { restrictToUser, type CommandRunner } from '../fs/private-dir.js';
import type { CleanupState } from '../state.js';
import { basicAuth, readAuthFile, userContainersAuthFile, userDockerConfigDir } from './auth-file.js';
import { createJobDir, jobDirProblem, linkSeedEntries, newMarker, removeJobDir, unlinkSeedEntries, writeJobMarker } from './job-dir.js';
import { applyCredential, type HostLogin } from './merge.js';
import { mergeLoginsInto, removeLoginsFrom, SharedLoginConflict, type LeaveOutcome } from './shared-config.js';

const CONTAINERS_AUTH_FILE = 'containers-auth.json';

/** A user name and password for one registry host. */
export interface StaticLogin {
  registry: string;
  username: string;
  password: string;
}

export interface DockerLoginPlan {
  /** The hosts to log in to, the Chainguard registry first. */
  logins: readonly StaticLogin[];
  /** The `docker-config` input, when given. */
  explicitDir?: string;
  /** That input, and credential-helper, as the user writes them, for messages. */
  explicitDirLabel?: string;
  credentialHelperLabel?: string;
  /** The runner's temp directory (absolute), where the job-scoped directory goes. */
  tempRoot: string;
  env: NodeJS.ProcessEnv;
  home: string;
  /** Shortens the explicit config's lock waits (tests only; 1 otherwise). */
  lockScale?: number;
  /** Where this runs and how it runs icacls (tests only; default: this process's platform, a real run). */
  platform?: NodeJS.Platform;
  run?: CommandRunner;
  warn: (message: string) => void;
  /**
   * Keeps the cleanup state for the post step; called once the job directory exists and before
   * any credential is written, so that a login is never written without a way to remove it.
   * Absent when nothing is to be removed at the end (`logout: false`).
   */
  saveState?: (state: CleanupState) => void;
  /** A login made earlier in the same shell, which this one replaces: seed from what it seeded from. */
  previous?: CleanupState;
  /**
   * Log in through a credential helper: installs it into the job directory (called once that
   * exists) and returns each host's helper name, which the host's `credHelpers` entry then names
   * instead of a static credential. `shared` is the explicit config directory, when the login
   * goes there (jobs sharing it should agree on the names).
   */
  helper?: (jobDir: string, shared: string | undefined) => InstalledHelperRef;
}

/** A credential helper installed into the job directory: each host's helper name, its directory, its wrappers' directory. */
export interface InstalledHelperRef {
  name: string;
  names: Map<string, string>;
  dir: string;
  binDir: string;
}

export interface InstalledLogin {
  dockerConfigDir: string;
  containersAuthFile: string;
  state: CleanupState;
  /** The credential helper installed, if any. */
  helper?: InstalledHelperRef;
}

/** What the job-scoped copies start from: the user's docker config directory and containers auth file. */
interface Seeds {
  dockerDir: string;
  containersFile?: string;
}

/** Writes the login. On failure nothing it wrote is left behind. */
export async function installDockerLogin(plan: DockerLoginPlan): Promise<InstalledLogin> {
  const logins = plan.logins.filter((login, i, all) => all.findIndex((other) => other.registry === login.registry) === i);
  const hosts = logins.map((login) => login.registry);
  const { jobDir, marker } = await createMarkedJobDir(plan);
  let merged = false;
  try {
    const seeds = seedsOf(plan);
    const state = cleanupState(plan, jobDir, marker, hosts, seeds);
    const helper = installHelper(plan, jobDir);
    if (helper) state.helper = helper.name;
    const entries: HostLogin[] = logins.map((login) => ({
      registry: login.registry,
      credential: helper ? { helper: helper.names.get(login.registry) ?? helper.name } : { auth: basicAuth(login.username, login.password) }
    }));
    saveState(plan, state);
    const ignored = (why: string): void => plan.warn(`Not copying existing credentials: ${why}.`);
    const containersAuthFile = writeContainersAuthFile(jobDir, seeds.containersFile, entries, ignored);
    let dockerConfigDir = jobDir;
    if (plan.explicitDir) {
      dockerConfigDir = plan.explicitDir;
      await mergeIntoExplicit(plan, plan.explicitDir, entries, { id: marker, dir: jobDir });
      merged = true;
    } else {
      writeJobScopedConfig(jobDir, seeds.dockerDir, entries, ignored, plan.warn);
    }
    return { dockerConfigDir, containersAuthFile, state, ...(helper ? { helper } : {}) };
  } catch (error) {
    if (merged && plan.explicitDir) {
      await removeLoginsFrom(path.join(plan.explicitDir, 'config.json'), hosts, marker, { scale: plan.lockScale }).catch(() => undefined);
    }
    unlinkSeedEntries(jobDir);
    fs.rmSync(jobDir, { recursive: true, force: true });
    throw error instanceof LoginError ? error : new LoginError(`Could not write the docker config: ${messageOf(error)}.`);
  }
}

/**
 * A new job directory under the temp root, private to this user before anything is written into
 * it (on Windows through its ACL, which the credential helper's directory and cache, created
 * inside it later, inherit), with its marker.
 */
async function createMarkedJobDir(plan: DockerLoginPlan): Promise<{ jobDir: string; marker: string }> {
  const marker = await newMarker();
  let jobDir: string | undefined;
  try {
    jobDir = createJobDir(plan.tempRoot);
    await restrictToUser(jobDir, plan.warn, {
      env: plan.env,
      ...(plan.platform ? { platform: plan.platform } : {}),
      ...(plan.run ? { run: plan.run } : {})
    });
    writeJobMarker(jobDir, marker);
    return { jobDir, marker };
  } catch (error) {
    if (jobDir) fs.rmSync(jobDir, { recursive: true, force: true });
    throw new LoginError(`Could not create a job-scoped docker config directory under ${plan.tempRoot}: ${messageOf(error)}.`);
  }
}

/** Where to seed from: the user's config, or, when a login earlier in the same shell exported its own directory, what that one seeded from. */
function seedsOf(plan: DockerLoginPlan): Seeds {
  let dockerDir = userDockerConfigDir(plan.env, plan.home);
  let containersFile = userContainersAuthFile(plan.env);
  const previous = plan.previous;
  if (previous?.seed) {
    if (dockerDir === previous.jobDir) dockerDir = previous.seed.dockerDir;
    if (containersFile === path.join(previous.jobDir, CONTAINERS_AUTH_FILE)) containersFile = previous.seed.containersFile;
  }
  return { dockerDir, ...(containersFile ? { containersFile } : {}) };
}

function cleanupState(plan: DockerLoginPlan, jobDir: string, marker: string, hosts: string[], seed: Seeds): CleanupState {
  return {
    version: 2,
    jobDir,
    marker,
    registry: hosts[0],
    ...(plan.explicitDir ? { explicitDir: plan.explicitDir } : {}),
    seed,
    ...(hosts.length > 1 ? { hosts } : {})
  };
}

function installHelper(plan: DockerLoginPlan, jobDir: string): InstalledHelperRef | undefined {
  if (!plan.helper) return undefined;
  try {
    return plan.helper(jobDir, plan.explicitDir);
  } catch (error) {
    throw new LoginError(`Could not install the docker credential helper in ${jobDir}: ${messageOf(error)}.`);
  }
}

function saveState(plan: DockerLoginPlan, state: CleanupState): void {
  try {
    plan.saveState?.(state);
  } catch (error) {
    throw new LoginError(`Could not save the state the post step needs to remove the login: ${messageOf(error)}.`);
  }
}

/** The containers-image tools read this file first; it is seeded from their current primary file. */
function writeContainersAuthFile(jobDir: string, seed: string | undefined, entries: HostLogin[], ignored: (why: string) => void): string {
  const file = path.join(jobDir, CONTAINERS_AUTH_FILE);
  const containers = seed ? readAuthFile(seed, true, ignored) : {};
  for (const entry of entries) applyCredential(containers, entry.registry, entry.credential, 'containers', file);
  writeFileAtomic(file, containers);
  return file;
}

/** The job-scoped docker config: a copy of the seed's, with the login, and links to its plugins, contexts and builders. */
function writeJobScopedConfig(
  jobDir: string,
  seedDir: string,
  entries: HostLogin[],
  ignored: (why: string) => void,
  warn: (message: string) => void
): void {
  const file = path.join(jobDir, 'config.json');
  const config = readAuthFile(path.join(seedDir, 'config.json'), true, ignored);
  for (const entry of entries) applyCredential(config, entry.registry, entry.credential, 'docker', file);
  writeFileAtomic(file, config);
  linkSeedEntries(seedDir, jobDir, { warn });
}

async function mergeIntoExplicit(
  plan: DockerLoginPlan,
  dir: string,
  entries: HostLogin[],
  job: { id: string; dir: string }
): Promise<void> {
  try {
    await mergeLoginsInto(path.join(dir, 'config.json'), entries, job, { scale: plan.lockScale });
  } catch (error) {
    const label = plan.explicitDirLabel ?? 'docker-config';
    if (error instanceof SharedLoginConflict)
      throw new LoginError(conflictMessage(error, dir, label, plan.credentialHelperLabel ?? 'credential-helper'));
    throw new LoginError(`Could not write the docker config in ${dir} (${label}): ${messageOf(error)}`);
  }
}

/** The refusal of a login that would replace another job's login of the other kind in a shared docker config. */
function conflictMessage(conflict: SharedLoginConflict, dir: string, dirLabel: string, helperLabel: string): string {
  const kind = (helper: boolean): string => (helper ? 'through the credential helper' : 'with a static credential');
  return (
    `Could not log in to ${conflict.registry} through the docker config in ${dir} (${dirLabel}): another job (job directory ${conflict.other.dir} ` +
    `on ${conflict.other.host}) is logged in to ${conflict.registry} there ${kind(conflict.otherHelper)}, and this job would log in ${kind(!conflict.otherHelper)}. ` +
    `One docker config holds one kind of login per registry, and either would replace the other's. Use the same ${helperLabel} setting in every job ` +
    `that shares this ${dirLabel}, or give the jobs separate ${dirLabel} directories.`
  );
}

/** Where removeDockerLogin may act: the runner's temp directory; and the lock's time scale (tests only). */
export interface RemovalContext {
  tempRoot: string;
  lockScale?: number;
}

/**
 * Removes the login: takes this job out of the explicit config (the last job out puts back the
 * earlier entries), then deletes the job-scoped directory. Trusts nothing in `state` it has not
 * checked: the job directory must be one this step created (see jobDirProblem), and the only
 * file it changes besides is `<explicit dir>/config.json`. Returns what it did, for the log.
 */
export async function removeDockerLogin(state: CleanupState, context: RemovalContext): Promise<string[]> {
  const problem = jobDirProblem(state.jobDir, state.marker, context.tempRoot);
  if (problem === 'it does not exist') return [`nothing to remove: ${state.jobDir} no longer exists`];
  if (problem) throw new LoginError(`Refusing to clean up ${state.jobDir}: ${problem}.`);
  const done: string[] = [];
  if (state.explicitDir) {
    const file = path.join(path.resolve(state.explicitDir), 'config.json');
    const hosts = state.hosts ?? [state.registry];
    const outcomes = await removeLoginsFrom(file, hosts, state.marker, { scale: context.lockScale });
    outcomes.forEach((outcome, i) => done.push(describeLeave(outcome, hosts[i], file)));
  }
  await removeJobDir(state.jobDir);
  done.push(`deleted ${state.jobDir}`);
  return done;
}

function describeLeave(outcome: LeaveOutcome, registry: string, file: string): string {
  switch (outcome) {
    case 'restored':
      return `removed the ${registry} login from ${file}`;
    case 'others-remain':
      return `left the ${registry} login in ${file}: other jobs logged in through it are still running`;
    case 'changed-since':
      return `left ${file} as it was: its ${registry} entry has changed since this step wrote it`;
    case 'not-joined':
      return `left ${file} as it was: it holds no login of this job`;
  }
}
