/**
 * Where the Windows suite (__tests__/windows, `npm run test:windows`) runs its Windows programs:
 * on Linux, the Windows Node.js and cmd.exe under wine (emulators/wine.mjs; the project's
 * globalSetup starts wine, or says why it cannot); on Windows itself (windows-latest), the Node
 * running the tests and the real cmd.exe. Either way the bundles run as separate processes, as
 * the agent and a shell run them, and the tests read the same results.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BUNDLE_NODE_OPTIONS,
  bundleNodeOptions,
  LOOPBACK_PRELOAD,
  ROOT,
  outputOf,
  useBundleLauncher,
  type ProcessResult
} from '../../emulators/runners.mjs';
import { fromWindowsPath, runUnderWine, runWindowsNode, toWindowsPath, WINDOWS_NODE } from '../../emulators/wine.mjs';

/** The variable the suite's globalSetup leaves its verdict in: `ready`, or why the suite is skipped. */
const SUITE_STATUS = 'CHAINGUARD_WINDOWS_SUITE';

export interface WindowsHost {
  /** `wine`: driven from Linux through wine; `native`: on Windows (or the tests themselves on the Windows Node). */
  kind: 'wine' | 'native';
  /** Whether the Windows side is wine, whose junctions fail (ENOTSUP), icacls changes nothing and cmd cannot run a FOR variable as a command. */
  isWine: boolean;
  /** A path of the test machine as Windows programs name it, and back. */
  toWindows(file: string): string;
  fromWindows(file: string): string;
  /** node.exe as Windows programs name it. */
  node: string;
  /** Runs a Windows program or a .cmd file with `args`, `stdin`, and exactly `env` (plus what Windows needs to run at all). */
  run(file: string, args: string[], options?: { env?: NodeJS.ProcessEnv; stdin?: string }): Promise<ProcessResult>;
}

/**
 * What a Windows process has whatever the test gives it, as on an agent (without SystemRoot,
 * Winsock and the crypto provider fail; without PATH and PATHEXT, cmd finds nothing).
 */
const WINDOWS_ESSENTIALS = [
  'SystemRoot',
  'SystemDrive',
  'windir',
  'ComSpec',
  'PATH',
  'PATHEXT',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'USERNAME',
  'USERDOMAIN'
];

function essentials(): NodeJS.ProcessEnv {
  return Object.fromEntries(WINDOWS_ESSENTIALS.map((name) => [name, process.env[name]]).filter(([, value]) => value !== undefined));
}

/** Runs `file` on Windows itself with pipes; a .cmd through cmd.exe, as docker's Go runtime does. */
async function runNative(file: string, args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<ProcessResult> {
  const batch = /\.(cmd|bat)$/i.test(file);
  const comspec = process.env.ComSpec ?? 'cmd.exe';
  const [program, argv, verbatim] = batch
    ? [comspec, ['/d', '/s', '/c', `""${file}"${args.map((arg) => ` ${arg}`).join('')}"`], true]
    : [file, args, false];
  const child = spawn(program, argv, { env: { ...essentials(), ...options.env }, windowsVerbatimArguments: verbatim, cwd: ROOT });
  const { code, stdout, stderr } = await outputOf(child, options.stdin ?? '');
  return { code, stdout: stdout.replace(/\r\n/g, '\n'), stderr: stderr.replace(/\r\n/g, '\n') };
}

/** NODE_OPTIONS for a Windows Node: the loopback preload as a file: URL (an --import of `C:\…` is read as a URL scheme). */
function nativeNodeOptions(value: string | undefined): string | undefined {
  return value?.replace(BUNDLE_NODE_OPTIONS, bundleNodeOptions(pathToFileURL(LOOPBACK_PRELOAD).href));
}

/** The host the suite runs on, with every bundle run of this test file started there; undefined when the suite is skipped. */
function windowsHost(): WindowsHost | undefined {
  if (process.platform === 'win32') {
    useBundleLauncher((script, env, args) =>
      runNative(process.execPath, [path.resolve(ROOT, script), ...args], {
        env: { ...env, NODE_OPTIONS: nativeNodeOptions(env.NODE_OPTIONS) }
      })
    );
    return {
      kind: 'native',
      isWine: Boolean(process.env.WINEPREFIX),
      toWindows: (file) => path.resolve(file),
      fromWindows: (file) => file,
      node: process.execPath,
      run: (file, args, options = {}) =>
        runNative(file, args, { ...options, env: { ...options.env, NODE_OPTIONS: nativeNodeOptions(options.env?.NODE_OPTIONS) } })
    };
  }
  if (process.env[SUITE_STATUS] !== 'ready') return undefined;
  useBundleLauncher((script, env, args) => runWindowsNode(script, env, args));
  return {
    kind: 'wine',
    isWine: true,
    toWindows: toWindowsPath,
    fromWindows: fromWindowsPath,
    node: toWindowsPath(WINDOWS_NODE),
    run: (file, args, options = {}) => runUnderWine(file, args, options)
  };
}

/** Why the suite is skipped here (undefined on Windows itself, or when wine is ready). */
function skipReason(): string | undefined {
  if (process.platform === 'win32') return undefined;
  const status = process.env[SUITE_STATUS];
  return status === 'ready' ? undefined : (status ?? 'the Windows suite was run without its project (jest --selectProjects windows)');
}

/**
 * `describe` for the Windows suite: the tests with the host, or, when the suite cannot run
 * here, one skipped test whose name says why (and the reason on stderr), never silence.
 */
export function describeOnWindows(title: string, tests: (host: WindowsHost) => void): void {
  const reason = skipReason();
  const host = reason ? undefined : windowsHost();
  if (!host) {
    process.stderr.write(`Windows suite skipped (${title}): ${reason}\n`);
    describe(title, () => it.skip(`skipped: ${reason}`, () => undefined));
    return;
  }
  describe(title, () => tests(host));
}
