// @ts-check
// Runs Windows programs from Linux under Debian's wine, as a Windows agent or shell would run
// them: the Windows Node.js (scripts/runtimes.mjs, runtime windows-20) with the bundles, cmd.exe
// with batch files and the credential helper's .cmd wrapper. What wine needs, learnt the hard way:
// - a Windows process cannot use a Linux pipe as stdin, stdout or stderr (EBADF): stdio goes
//   through files (or /dev/null), and the output is read back once the process has exited;
// - the first wine process starts services (services.exe, …) that inherit its stdio and outlive
//   it: a persistent server is started once with stdio on /dev/null (start), and stopped at the
//   end (stop, `wineserver -k` with the same WINEPREFIX);
// - wine drops variables whose names hold `-`, `.` or `@`, and HOME and PWD, and replaces PATH,
//   TEMP, TMP and USERPROFILE: a test that needs one of the dropped ones cannot run here
//   (windowsEnv refuses it rather than lose it silently);
// - Linux paths are Z:\… on the Windows side (`Z:` is `/`); an --import preload is a file: URL.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runtimePath } from '../scripts/runtimes.mjs';
import { BUNDLE_NODE_OPTIONS, bundleNodeOptions, LOOPBACK_PRELOAD, ROOT, which } from './runners.mjs';

/** The wine prefix scripts/wine-tools.sh prepares. */
const WINE_PREFIX = process.env.WINEPREFIX || path.join(ROOT, '.tools', 'wineprefix');
/** The Windows Node.js, as Linux names it. */
export const WINDOWS_NODE = runtimePath('windows-20');
/** How long one Windows process may run. */
const TIMEOUT_MS = 60_000;

/** The environment wine itself runs in: the prefix, headless, quiet, no Mono/Gecko, no menu entries. */
function wineEnv() {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    WINEPREFIX: WINE_PREFIX,
    WINEARCH: 'win64',
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree=;mshtml=;winemenubuilder.exe=d'
  };
}

/** A Linux path as the Windows side names it: `/a/b` is `Z:\a\b`. */
export function toWindowsPath(/** @type {string} */ linux) {
  return `Z:${path.resolve(linux).replace(/\//g, '\\')}`;
}

/** A Windows path under Z: as Linux names it (anything else, e.g. C:\…, is returned as it is). */
export function fromWindowsPath(/** @type {string} */ windows) {
  return /^Z:\\/i.test(windows) ? windows.slice(2).replace(/\\/g, '/') : windows;
}

/** A value with every absolute Linux path in it (a whole value, or an argument) written as the Windows side names it. */
const converted = (/** @type {string} */ value) => (value.startsWith('/') ? toWindowsPath(value) : value);

/**
 * The environment a Windows process gets: `env` with Linux paths converted and NODE_OPTIONS' preload
 * given as a file: URL. A name wine would drop is refused (a test relying on it could not run here).
 * @param {NodeJS.ProcessEnv} env
 */
function windowsEnv(env) {
  /** @type {Record<string, string>} */
  const result = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || name === 'PATH' || name === 'HOME') continue;
    if (/[-.@]/.test(name)) throw new Error(`wine does not pass the variable ${name} to Windows programs; this cannot run under wine`);
    result[name] = name === 'NODE_OPTIONS' ? nodeOptions(value) : converted(value);
  }
  return result;
}

/** NODE_OPTIONS for the Windows Node: the loopback preload as a file: URL on Z:. */
function nodeOptions(/** @type {string} */ value) {
  return value.replace(BUNDLE_NODE_OPTIONS, bundleNodeOptions(`file:///Z:${LOOPBACK_PRELOAD}`));
}

/**
 * @typedef {object} WindowsRun
 * @property {number | null} code
 * @property {string} stdout  with CRLF read as LF, as the agent reads lines
 * @property {string} stderr
 */

/**
 * Runs `file` (a Windows program, a .cmd file, or node.exe; Linux paths are converted) with `args`
 * under wine, stdio through files.
 * @param {string} file
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stdin?: string }} [options]
 * @returns {Promise<WindowsRun>}
 */
export function runUnderWine(file, args, options = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cgl-wine-'));
  const inFile = path.join(dir, 'stdin');
  writeFileSync(inFile, options.stdin ?? '');
  const fds = [openSync(inFile, 'r'), openSync(path.join(dir, 'stdout'), 'w'), openSync(path.join(dir, 'stderr'), 'w')];
  return new Promise((resolve, reject) => {
    const child = spawn('wine', [converted(file), ...args.map(converted)], {
      cwd: ROOT,
      env: { ...windowsEnv(options.env ?? {}), ...wineEnv() },
      stdio: fds,
      timeout: TIMEOUT_MS
    });
    let finished = false;
    const finish = (/** @type {number | null} */ code, /** @type {Error | undefined} */ error) => {
      if (finished) return;
      finished = true;
      for (const fd of fds) closeSync(fd);
      const read = (/** @type {string} */ name) => readFileSync(path.join(dir, name), 'utf8').replace(/\r\n/g, '\n');
      const result = { code, stdout: read('stdout'), stderr: read('stderr') };
      rmSync(dir, { recursive: true, force: true });
      if (error) reject(error);
      else resolve(result);
    };
    child.on('error', (error) => finish(null, error));
    child.on('exit', (code) => finish(code, undefined));
  });
}

/** Runs the Windows Node with `script` (relative to the repository, or absolute) under wine. */
export function runWindowsNode(
  /** @type {string} */ script,
  /** @type {NodeJS.ProcessEnv} */ env,
  /** @type {string[]} */ args = [],
  /** @type {string | undefined} */ stdin = undefined
) {
  return runUnderWine(WINDOWS_NODE, [path.resolve(ROOT, script), ...args], { env, stdin });
}

/** What is missing for the Windows suite under wine, or undefined when everything is there. */
function wineMissing() {
  if (!which('wine') || !which('wineserver')) return 'wine is not installed (bash scripts/wine-tools.sh installs it, as root)';
  if (!existsSync(WINDOWS_NODE)) return 'the Windows Node.js is not installed (node scripts/runtimes.mjs install windows-20)';
  if (!existsSync(path.join(WINE_PREFIX, 'system.reg')))
    return `the wine prefix ${WINE_PREFIX} does not exist (bash scripts/wine-tools.sh creates it)`;
  return undefined;
}

/**
 * Starts a persistent wine server and its services with stdio on /dev/null, then checks that the
 * Windows Node runs. Resolves with why wine cannot be used, or undefined when it is ready.
 * @returns {Promise<string | undefined>}
 */
export async function startWine() {
  const missing = wineMissing();
  if (missing) return missing;
  const quiet = /** @type {const} */ ({ env: wineEnv(), stdio: 'ignore', timeout: TIMEOUT_MS });
  spawnSync('wineserver', ['-k'], quiet);
  if (spawnSync('wineserver', ['-p'], quiet).status !== 0) return 'wineserver -p failed';
  if (spawnSync('wine', ['wineboot'], quiet).status !== 0) return 'wine wineboot failed';
  const probe = await runUnderWine(WINDOWS_NODE, ['-p', 'process.platform + " " + process.version']).catch((error) => ({
    code: null,
    stdout: '',
    stderr: String(error)
  }));
  const said = `${probe.stdout}${probe.stderr}`.trim();
  if (probe.code !== 0 || !said.startsWith('win32 '))
    return `the Windows Node.js did not start under wine (exit ${probe.code}): ${said.slice(0, 300)}`;
  return undefined;
}

/** Stops the wine server and every Windows process of the prefix (they would hold the caller's output open). */
export function stopWine() {
  spawnSync('wineserver', ['-k'], { env: wineEnv(), stdio: 'ignore', timeout: TIMEOUT_MS });
}
