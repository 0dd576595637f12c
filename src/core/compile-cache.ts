/**
 * Node's compile cache (Node >= 22.1, `module.enableCompileCache`): the V8 code of a bundle kept
 * on disk, so that a long-lived runner or agent runs the step again without compiling it again.
 * Each entry point turns it on before it loads the rest of its bundle (a chunk of its own).
 *
 * The cache holds code this process will run, and Node checks an entry only with checksums
 * (CRC32: they catch a damaged file, not a forged one), so it is used only where nobody else can
 * write: a folder of its own in the runner's tool cache (RUNNER_TOOL_CACHE), else the agent's
 * (AGENT_TOOLSDIRECTORY), else the OS temp directory, that is a real directory owned by this
 * user and writable by nobody else, under directories that only this user or root can change
 * (or, like /tmp, sticky). Anything else (another owner, a symbolic link, a file, a folder
 * others can write, no such API, Windows, whose owners Node cannot read) leaves the cache off.
 * So does a runner that is a fresh machine for every job (a GitHub-hosted runner, a
 * Microsoft-hosted agent): there the cache would only ever be written, never read.
 *
 * A damaged entry is compiled afresh and rewritten; Node prints nothing about the cache. Nothing
 * here may change what the step does or prints: every failure is ignored and leaves the cache
 * off. NODE_DISABLE_COMPILE_CACHE=1 turns it off; a NODE_COMPILE_CACHE the user set wins.
 */
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The folder the cache lives in, under the base directory. */
export const COMPILE_CACHE_FOLDER = 'chainguard-azure-login-compile-cache';

type EnableCompileCache = (directory: string) => unknown;

/** The cache's directory for this environment (whether or not it is safe to use). */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.RUNNER_TOOL_CACHE || env.AGENT_TOOLSDIRECTORY || os.tmpdir();
  return path.join(base, COMPILE_CACHE_FOLDER);
}

/** Whether a directory above the cache is one only user `uid` or root can change: theirs, and writable by nobody else unless sticky. */
function trusted(stats: fs.Stats, uid: number): boolean {
  if (stats.uid !== uid && stats.uid !== 0) return false;
  return (stats.mode & 0o022) === 0 || (stats.mode & 0o1000) !== 0;
}

/**
 * The cache folder `dir`, created (owner only) when missing, if it is safe to use: every
 * directory above it one only user `uid` or root can change, and the folder itself a real
 * directory of `uid`'s that nobody else can write. Otherwise undefined, and nothing is created.
 */
export function privateCacheDir(dir: string, uid: number): string | undefined {
  if (!path.isAbsolute(dir)) return undefined;
  try {
    const parent = fs.realpathSync(path.dirname(dir));
    for (let at = parent; ; at = path.dirname(at)) {
      if (!trusted(fs.lstatSync(at), uid)) return undefined;
      if (path.dirname(at) === at) break;
    }
    const folder = path.join(parent, path.basename(dir));
    try {
      fs.mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    }
    const own = fs.lstatSync(folder);
    return own.isDirectory() && own.uid === uid && (own.mode & 0o022) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the runner is a fresh machine for every job, as RUNNER_ENVIRONMENT and Agent.CloudId say. */
export function freshMachineEveryJob(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RUNNER_ENVIRONMENT === 'github-hosted' || Boolean(env.AGENT_CLOUDID);
}

/** Turns on Node's compile cache in the private folder, where the API exists and the folder is safe; otherwise does nothing. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  try {
    const enable = (module as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
    const uid = process.getuid?.();
    if (typeof enable !== 'function' || uid === undefined || process.platform === 'win32') return;
    if (env.NODE_DISABLE_COMPILE_CACHE || env.NODE_COMPILE_CACHE || freshMachineEveryJob(env)) return;
    const dir = privateCacheDir(compileCacheDir(env), uid);
    if (dir) enable(dir);
  } catch {
    // A cache that cannot be used is no cache: the bundle is compiled as usual.
  }
}
