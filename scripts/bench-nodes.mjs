// What both benchmarks (bench.mjs, bench-helper.mjs) share: the Node.js runtimes they time every
// Node row under — the one running the benchmark (this machine's, Node 20) and the pinned Node 24
// that `npm run bench` installs first (scripts/runtimes.mjs), the Node of `runs.using: node24` and
// of the agent's Node24 handler —, their command-line options, and the median.
// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runtimePath } from './runtimes.mjs';

/**
 * @typedef {object} NodeRuntime  a Node.js the rows run under
 * @property {string} label  e.g. "node 24"
 * @property {string} path
 * @property {string} version  e.g. v24.22.3
 * @property {boolean} compileCache  whether it has module.enableCompileCache (Node >= 22.1)
 */

/** This machine's Node and the installed Node 24, each once (by major version). @returns {NodeRuntime[]} */
export function benchNodes() {
  return [process.execPath, runtimePath('linux-24')]
    .filter((binary, i, all) => existsSync(binary) && all.indexOf(binary) === i)
    .map((binary) => {
      const version =
        binary === process.execPath ? process.version : execFileSync(binary, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
      const [major, minor] = version.slice(1).split('.').map(Number);
      return { label: `node ${major}`, path: binary, version, compileCache: major > 22 || (major === 22 && minor >= 1) };
    })
    .filter((node, i, all) => all.findIndex((other) => other.label === node.label) === i);
}

/** Why the Node 24 rows are missing from `nodes`, or null. @param {NodeRuntime[]} nodes */
export function node24Missing(nodes) {
  return nodes.some((node) => node.label === 'node 24')
    ? null
    : 'node 24 is not installed (node scripts/runtimes.mjs install linux-24; npm run bench installs it first)';
}

/**
 * The value of the command-line option `--<name> <value>`, else `fallback`.
 * @param {string} name @param {string} fallback
 */
export function arg(name, fallback) {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
