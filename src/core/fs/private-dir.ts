/**
 * A directory only its user can read. POSIX: mode 0700 (mkdtemp's own), nothing to do. Windows
 * ignores modes: a new directory inherits its parent's ACL (an agent's `_work\_temp` may be
 * readable by every local user), so it is restricted with icacls to the current user, with
 * inheritance from the parent removed; everything created inside later inherits that one entry.
 * A failure to restrict is a warning naming the directory, never an error: the directory keeps
 * its parent's permissions, as it would have without this step.
 */
import { execFile } from 'node:child_process';
import { clip } from '../text.js';

/** Runs a program without a shell; resolves with its exit code (null when it could not run) and output. */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;

/** How long icacls and whoami may take on an empty directory. */
const COMMAND_TIMEOUT_MS = 15_000;

export const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(file, [...args], { timeout: COMMAND_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout: String(stdout ?? ''), stderr: String(stderr ?? '') || (error && code === null ? error.message : '') });
    });
  });

export interface PrivacyOptions {
  /** Where this runs (default: process.platform). */
  platform?: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Runs whoami and icacls (default: runCommand). */
  run?: CommandRunner;
}

/** A variable of a Windows environment, whatever the case of its name. */
function windowsVariable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return Object.entries(env).find(([key]) => key.toUpperCase() === name)?.[1] || undefined;
}

/** System32, from SystemRoot: icacls and whoami are run by absolute path, never looked up on PATH. */
function system32(env: NodeJS.ProcessEnv): string {
  return `${(windowsVariable(env, 'SYSTEMROOT') ?? 'C:\\Windows').replace(/\\+$/, '')}\\System32`;
}

/**
 * Who to grant: the current user's SID (`*S-1-5-…`, as `whoami /user` prints it: no name
 * lookup, no localised names, right for service accounts such as LocalSystem); else
 * `USERDOMAIN\USERNAME` from the environment, unless that names a machine account (`NAME$`,
 * what the environment says under LocalSystem, which is not the account the process runs as).
 */
export async function currentUser(env: NodeJS.ProcessEnv, run: CommandRunner): Promise<string | undefined> {
  const whoami = await run(`${system32(env)}\\whoami.exe`, ['/user', '/fo', 'csv', '/nh']);
  const sid = whoami.code === 0 ? /"(S-1-[0-9-]+)"\s*$/m.exec(whoami.stdout)?.[1] : undefined;
  if (sid) return `*${sid}`;
  const user = windowsVariable(env, 'USERNAME');
  if (!user || user.endsWith('$') || /[\\/:"]/.test(user)) return undefined;
  const domain = windowsVariable(env, 'USERDOMAIN');
  return domain ? `${domain}\\${user}` : user;
}

/** icacls' arguments: drop inherited entries, and grant `principal` alone full control, inherited by everything inside. */
export function icaclsArgs(dir: string, principal: string): string[] {
  return [dir, '/inheritance:r', '/grant:r', `${principal}:(OI)(CI)F`];
}

/**
 * Makes `dir` (just created, still empty) private to the current user. POSIX: nothing (mode
 * 0700 already). Windows: icacls, run without a shell; `warn` says so when it cannot.
 */
export async function restrictToUser(dir: string, warn: (message: string) => void, options: PrivacyOptions): Promise<void> {
  if ((options.platform ?? process.platform) !== 'win32') return;
  const run = options.run ?? runCommand;
  const keeps = `it keeps the permissions it inherited from ${dirname(dir)}`;
  const principal = await currentUser(options.env, run);
  if (!principal) {
    warn(`Could not make ${dir} private to this user: whoami did not name the user, nor did USERNAME; ${keeps}.`);
    return;
  }
  const result = await run(`${system32(options.env)}\\icacls.exe`, icaclsArgs(dir, principal));
  if (result.code !== 0) {
    const said = clip((result.stderr || result.stdout).trim().replace(/\s+/g, ' '), 200);
    warn(
      `Could not make ${dir} private to this user: icacls ${result.code === null ? 'did not run' : `exited with ${result.code}`}${said ? ` (${said})` : ''}; ${keeps}.`
    );
  }
}

/** The parent of a Windows or POSIX path, for messages. */
function dirname(dir: string): string {
  const at = Math.max(dir.lastIndexOf('\\'), dir.lastIndexOf('/'));
  return at > 0 ? dir.slice(0, at) : dir;
}
