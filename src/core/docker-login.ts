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
import { timeScale } from './clock.js';
import {
  applyCredential,
  basicAuth,
  createJobDir,
  jobDirProblem,
  linkSeedEntries,
  mergeLoginsInto,
  readAuthFile,
  removeLoginsFrom,
  userContainersAuthFile,
  userDockerConfigDir,
  writeFileAtomic,
  writeJobMarker,
  SharedLoginConflict,
  type HostLogin,
  type LeaveOutcome
} from './docker-config.js';
import { LoginError, messageOf } from './errors.js';

/** docker's user name for a Chainguard token. */
export const TOKEN_USERNAME = '_token';
const CONTAINERS_AUTH_FILE = 'containers-auth.json';

export interface DockerLoginPlan {
  registry: string;
  username: string;
  password: string;
  /** The `docker-config` input, when given. */
  explicitDir?: string;
  /** That input as the user writes it, for messages. */
  explicitDirLabel?: string;
  /** The credential-helper input as the user writes it, for messages. */
  credentialHelperLabel?: string;
  /** The runner's temp directory (absolute), where the job-scoped directory goes. */
  tempRoot: string;
  env: NodeJS.ProcessEnv;
  home: string;
  warn: (message: string) => void;
  /**
   * Keeps the cleanup state for the post step; called once the job directory exists and before
   * any credential is written, so that a login is never written without a way to remove it.
   * Absent when nothing is to be removed at the end (`logout: false`).
   */
  saveState?: (state: CleanupState) => void;
  /** A login made earlier in the same shell, which this one replaces: seed from what it seeded from. */
  previous?: CleanupState;
  /** More hosts to log in to (Azure Container Registries), each with its own credential. */
  more?: readonly { registry: string; username: string; password: string }[];
  /**
   * Log in through a credential helper: installs it into the job directory (called once that
   * exists and the state is saved) and returns its name, which every host's `credHelpers` entry
   * then names instead of a static credential (each host the name in `names`). `shared` is the
   * explicit config directory, when the login goes there (jobs sharing it should agree on the names).
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

/** What cleanup needs: paths and a random marker, never a credential. */
export interface CleanupState {
  version: 2;
  jobDir: string;
  /** The random value also written into the job directory: proves the directory is this job's. */
  marker: string;
  registry: string;
  /** The explicit docker config directory merged into, if any. */
  explicitDir?: string;
  /** What the job-scoped copies were seeded from, for a later login in the same shell. */
  seed?: { dockerDir: string; containersFile?: string };
  /** Every host logged in to, `registry` first (absent: `registry` alone). */
  hosts?: string[];
  /** The credential helper's name, when the login went through one (its directory is inside jobDir). */
  helper?: string;
}

export interface InstalledLogin {
  dockerConfigDir: string;
  containersAuthFile: string;
  state: CleanupState;
  /** The credential helper installed, if any. */
  helper?: InstalledHelperRef;
}

/** A random marker: 128 bits, hex. */
async function newMarker(): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  return randomBytes(16).toString('hex');
}

/** Writes the login. On failure nothing it wrote is left behind. */
export async function installDockerLogin(plan: DockerLoginPlan): Promise<InstalledLogin> {
  const statics = [{ registry: plan.registry, username: plan.username, password: plan.password }, ...(plan.more ?? [])].filter(
    (login, i, all) => all.findIndex((other) => other.registry === login.registry) === i
  );
  const hosts = statics.map((login) => login.registry);
  const marker = await newMarker();
  let jobDir: string;
  try {
    jobDir = createJobDir(plan.tempRoot);
    writeJobMarker(jobDir, marker);
  } catch (error) {
    throw new LoginError(`Could not create a job-scoped docker config directory under ${plan.tempRoot}: ${messageOf(error)}.`);
  }
  const ignored = (why: string): void => plan.warn(`Not copying existing credentials: ${why}.`);
  const lock = { scale: timeScale(plan.env) };
  let merged = false;
  try {
    // A login earlier in the same shell exported its own directory; seed from what it seeded from.
    let dockerSeed = userDockerConfigDir(plan.env, plan.home);
    let containersSeed = userContainersAuthFile(plan.env);
    const previous = plan.previous;
    if (previous?.seed) {
      if (dockerSeed === previous.jobDir) dockerSeed = previous.seed.dockerDir;
      if (containersSeed === path.join(previous.jobDir, CONTAINERS_AUTH_FILE)) containersSeed = previous.seed.containersFile;
    }
    const state: CleanupState = {
      version: 2,
      jobDir,
      marker,
      registry: plan.registry,
      ...(plan.explicitDir ? { explicitDir: plan.explicitDir } : {}),
      seed: { dockerDir: dockerSeed, ...(containersSeed ? { containersFile: containersSeed } : {}) },
      ...(hosts.length > 1 ? { hosts } : {})
    };
    let helper: InstalledLogin['helper'];
    if (plan.helper) {
      try {
        helper = plan.helper(jobDir, plan.explicitDir);
      } catch (error) {
        throw new LoginError(`Could not install the docker credential helper in ${jobDir}: ${messageOf(error)}.`);
      }
      state.helper = helper.name;
    }
    const logins: HostLogin[] = statics.map((login) => ({
      registry: login.registry,
      credential: helper ? { helper: helper.names.get(login.registry) ?? helper.name } : { auth: basicAuth(login.username, login.password) }
    }));
    try {
      plan.saveState?.(state);
    } catch (error) {
      throw new LoginError(`Could not save the state the post step needs to remove the login: ${messageOf(error)}.`);
    }

    // The containers-image tools read this file first; seed it from their current primary file.
    const containersAuthFile = path.join(jobDir, CONTAINERS_AUTH_FILE);
    const containers = containersSeed ? readAuthFile(containersSeed, true, ignored) : {};
    for (const login of logins) applyCredential(containers, login.registry, login.credential, 'containers', containersAuthFile);
    writeFileAtomic(containersAuthFile, containers);

    let dockerConfigDir: string;
    if (plan.explicitDir) {
      dockerConfigDir = plan.explicitDir;
      await mergeLoginsInto(path.join(dockerConfigDir, 'config.json'), logins, { id: marker, dir: jobDir }, lock).catch(
        (error: unknown) => {
          const label = plan.explicitDirLabel ?? 'docker-config';
          if (error instanceof SharedLoginConflict)
            throw new LoginError(conflictMessage(error, dockerConfigDir, label, plan.credentialHelperLabel ?? 'credential-helper'));
          throw new LoginError(`Could not write the docker config in ${dockerConfigDir} (${label}): ${messageOf(error)}`);
        }
      );
      merged = true;
    } else {
      dockerConfigDir = jobDir;
      const config = readAuthFile(path.join(dockerSeed, 'config.json'), true, ignored);
      for (const login of logins) applyCredential(config, login.registry, login.credential, 'docker', path.join(jobDir, 'config.json'));
      writeFileAtomic(path.join(jobDir, 'config.json'), config);
      linkSeedEntries(dockerSeed, jobDir);
    }
    return { dockerConfigDir, containersAuthFile, state, ...(helper ? { helper } : {}) };
  } catch (error) {
    if (merged && plan.explicitDir) {
      await removeLoginsFrom(path.join(plan.explicitDir, 'config.json'), hosts, marker, lock).catch(() => undefined);
    }
    fs.rmSync(jobDir, { recursive: true, force: true });
    throw error instanceof LoginError ? error : new LoginError(`Could not write the docker config: ${messageOf(error)}.`);
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

/** Where removeDockerLogin may act: the runner's temp directory, and the environment (time scale). */
export interface RemovalContext {
  tempRoot: string;
  env: NodeJS.ProcessEnv;
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
    const outcomes = await removeLoginsFrom(file, hosts, state.marker, { scale: timeScale(context.env) });
    outcomes.forEach((outcome, i) => done.push(describeLeave(outcome, hosts[i], file)));
  }
  await removeJobDir(state.jobDir);
  done.push(`deleted ${state.jobDir}`);
  return done;
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
async function removeJobDir(jobDir: string): Promise<void> {
  let entries: string[] = [];
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

/** Parses saved cleanup state; undefined when absent or not ours. */
export function parseCleanupState(text: string): CleanupState | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<CleanupState>;
    if (
      value.version === 2 &&
      typeof value.jobDir === 'string' &&
      typeof value.marker === 'string' &&
      typeof value.registry === 'string' &&
      (value.explicitDir === undefined || typeof value.explicitDir === 'string') &&
      (value.hosts === undefined || (Array.isArray(value.hosts) && value.hosts.every((h) => typeof h === 'string'))) &&
      (value.helper === undefined || typeof value.helper === 'string')
    ) {
      return value as CleanupState;
    }
  } catch {
    // fall through
  }
  return undefined;
}
