/**
 * Installs a registry login where docker and the containers-image tools will use it, and
 * removes it again at the end of the job.
 *
 * Default: a job-scoped directory under the runner's temp directory holds a copy of the user's
 * docker config with the login added (exported as DOCKER_CONFIG) and a containers auth file
 * (exported as REGISTRY_AUTH_FILE). With an explicit docker config directory, the login is
 * merged into that directory's config.json instead, and what it replaced is kept in the job
 * directory so that cleanup can put it back.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  applyLogin,
  basicAuth,
  createJobDir,
  isJobDir,
  linkSeedEntries,
  mergeLoginInto,
  readAuthFile,
  revertLoginIn,
  userContainersAuthFile,
  userDockerConfigDir,
  writeFileAtomic,
  type MergeRecord
} from './docker-config.js';
import { LoginError, messageOf } from './errors.js';

/** docker's user name for a Chainguard token. */
export const TOKEN_USERNAME = '_token';
const RESTORE_FILE = 'restore.json';
const CONTAINERS_AUTH_FILE = 'containers-auth.json';

export interface DockerLoginPlan {
  registry: string;
  username: string;
  password: string;
  /** The `docker-config` input, when given. */
  explicitDir?: string;
  /** That input as the user writes it, for messages. */
  explicitDirLabel?: string;
  /** The runner's temp directory, where the job-scoped directory goes. */
  tempRoot: string;
  env: NodeJS.ProcessEnv;
  home: string;
  warn: (message: string) => void;
}

/** What cleanup needs: paths only, never a credential. */
export interface CleanupState {
  version: 1;
  jobDir: string;
  registry: string;
  /** The explicit docker config directory merged into, if any. */
  explicitDir?: string;
}

export interface InstalledLogin {
  dockerConfigDir: string;
  containersAuthFile: string;
  state: CleanupState;
}

/** Writes the login. On failure nothing it wrote is left behind. */
export async function installDockerLogin(plan: DockerLoginPlan): Promise<InstalledLogin> {
  const auth = basicAuth(plan.username, plan.password);
  let jobDir: string;
  try {
    jobDir = createJobDir(plan.tempRoot);
  } catch (error) {
    throw new LoginError(`Could not create a job-scoped docker config directory under ${plan.tempRoot}: ${messageOf(error)}.`);
  }
  const ignored = (why: string): void => plan.warn(`Not copying existing credentials: ${why}.`);
  let merged: MergeRecord | undefined;
  try {
    // The containers-image tools read this file first; seed it from their current primary file.
    const containersAuthFile = path.join(jobDir, CONTAINERS_AUTH_FILE);
    const containersSeed = userContainersAuthFile(plan.env);
    const containers = containersSeed ? readAuthFile(containersSeed, true, ignored) : {};
    applyLogin(containers, plan.registry, auth, 'containers', containersAuthFile);
    writeFileAtomic(containersAuthFile, containers);

    let dockerConfigDir: string;
    if (plan.explicitDir) {
      dockerConfigDir = plan.explicitDir;
      merged = await mergeLoginInto(path.join(dockerConfigDir, 'config.json'), plan.registry, auth, 'docker').catch((error: unknown) => {
        throw new LoginError(`Could not write the docker config in ${dockerConfigDir} (${plan.explicitDirLabel ?? 'docker-config'}): ${messageOf(error)}`);
      });
      writeRestore(jobDir, [merged]);
    } else {
      dockerConfigDir = jobDir;
      const seedDir = userDockerConfigDir(plan.env, plan.home);
      const config = readAuthFile(path.join(seedDir, 'config.json'), true, ignored);
      applyLogin(config, plan.registry, auth, 'docker', path.join(jobDir, 'config.json'));
      writeFileAtomic(path.join(jobDir, 'config.json'), config);
      linkSeedEntries(seedDir, jobDir);
    }
    return {
      dockerConfigDir,
      containersAuthFile,
      state: { version: 1, jobDir, registry: plan.registry, ...(plan.explicitDir ? { explicitDir: plan.explicitDir } : {}) }
    };
  } catch (error) {
    if (merged) await revertLoginIn(merged).catch(() => undefined);
    fs.rmSync(jobDir, { recursive: true, force: true });
    throw error instanceof LoginError ? error : new LoginError(`Could not write the docker config: ${messageOf(error)}.`);
  }
}

/**
 * Removes the login: restores the explicit config's earlier entries (only where ours is still
 * there), then deletes the job-scoped directory. Returns what it did, for the log.
 */
export async function removeDockerLogin(state: CleanupState): Promise<string[]> {
  const done: string[] = [];
  if (!isJobDir(state.jobDir)) throw new LoginError(`Refusing to clean up ${state.jobDir}: it is not a directory this step created.`);
  const records = readRestore(state.jobDir);
  for (const record of records) {
    if (await revertLoginIn(record)) done.push(`removed the ${record.registry} login from ${record.file}`);
    else done.push(`left ${record.file} as it was: its ${record.registry} entry has changed since this step wrote it`);
  }
  fs.rmSync(state.jobDir, { recursive: true, force: true });
  done.push(`deleted ${state.jobDir}`);
  return done;
}

function writeRestore(jobDir: string, records: MergeRecord[]): void {
  writeFileAtomic(path.join(jobDir, RESTORE_FILE), { records });
}

function readRestore(jobDir: string): MergeRecord[] {
  const content = readAuthFile(path.join(jobDir, RESTORE_FILE));
  return Array.isArray(content.records) ? (content.records as MergeRecord[]) : [];
}

/** Parses saved cleanup state; undefined when absent or not ours. */
export function parseCleanupState(text: string): CleanupState | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<CleanupState>;
    if (value.version === 1 && typeof value.jobDir === 'string' && typeof value.registry === 'string') return value as CleanupState;
  } catch {
    // fall through
  }
  return undefined;
}
