// The credential helper's benchmark: times `docker-credential-<name> get` as docker runs it (the
// sh wrapper, then the built helper), answered from a warm cache and with a refresh through the
// loopback IMDS and STS emulators, against a bare `node -e 0`, alternating in one run. Prints
// medians and ratios, and writes the same numbers as JSON.
//
//   node scripts/bench-helper.mjs [--pairs 15 --warmup 3 --out .bench/helper.json]
// @ts-check
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators } from '../emulators/index.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELPER = path.join(ROOT, 'dist', 'helper', 'index.js');
const args = process.argv.slice(2);
/** @param {string} name @param {string} fallback */
const arg = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const PAIRS = Math.max(5, Number(arg('pairs', '15')));
const WARMUP = Number(arg('warmup', '3'));
const OUT = path.resolve(ROOT, arg('out', '.bench/helper.json'));
const HOST = 'cgr.dev';

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs a command with `stdin` to completion; resolves with its wall time, exit code and output.
 * @param {string} command @param {string[]} argv @param {string} stdin
 * @returns {Promise<{ ms: number, code: number | null, stdout: string, stderr: string }>}
 */
function timed(command, argv, stdin) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const emulators = await startEmulators();
const work = mkdtempSync(path.join(os.tmpdir(), 'chainguard-helper-bench-'));
let counter = 0;

/** A helper directory with its configuration and sh wrapper (the layout the login step writes). */
function helperDir() {
  const dir = path.join(work, `helper-${counter++}`);
  mkdirSync(path.join(dir, 'bin'), { recursive: true, mode: 0o700 });
  const config = {
    version: 2,
    hosts: { [HOST]: { kind: 'chainguard', issuer: emulators.sts.url, identity: IDENTITY_SYSTEM, audience: HOST } },
    source: { kind: 'imds', inputs: { azureResource: AZURE_AUDIENCE }, env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url } }
  };
  writeFileSync(path.join(dir, 'helper.json'), JSON.stringify(config), { mode: 0o600 });
  const wrapper = path.join(dir, 'bin', 'docker-credential-chainguard-bench0');
  const quote = (/** @type {string} */ v) => `'${v.replace(/'/g, `'\\''`)}'`;
  writeFileSync(wrapper, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(HELPER)} --dir ${quote(dir)} "$@"\n`);
  chmodSync(wrapper, 0o700);
  return wrapper;
}

/** @param {{ code: number | null, stdout: string }} r */
const answered = (r) => r.code === 0 && JSON.parse(r.stdout).Username === '_token';

const warm = helperDir();
if (!answered(await timed(warm, ['get'], HOST))) throw new Error('the helper did not answer; run npm run build first');

/** Each variant prepares untimed, then returns what to run. */
const variants = {
  'node -e 0': () => ({
    command: process.execPath,
    argv: ['-e', '0'],
    stdin: '',
    check: (/** @type {{code: number | null}} */ r) => r.code === 0
  }),
  'helper get (warm cache)': () => ({ command: warm, argv: ['get'], stdin: HOST, check: answered }),
  'helper get (refresh)': () => ({ command: helperDir(), argv: ['get'], stdin: HOST, check: answered })
};

/** @type {Record<string, number[]>} */
const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const exchangesBefore = emulators.sts.issued.length;
for (let round = 0; round < WARMUP + PAIRS; round++) {
  for (const [name, prepare] of Object.entries(variants)) {
    const { command, argv, stdin, check } = prepare();
    const result = await timed(command, argv, stdin);
    if (!check(result)) throw new Error(`${name} failed: ${result.stderr.slice(0, 300)}`);
    if (round >= WARMUP) times[name].push(result.ms);
  }
}
const refreshes = emulators.sts.issued.length - exchangesBefore;
await emulators.close();
rmSync(work, { recursive: true, force: true });

const floor = median(times['node -e 0']);
const rows = Object.entries(times).map(([name, values]) => ({
  name,
  medianMs: Math.round(median(values) * 10) / 10,
  ratioToNode: Math.round((median(values) / floor) * 100) / 100
}));
const width = Math.max(...rows.map((r) => r.name.length));
process.stdout.write(
  `Credential helper, ${PAIRS} alternating rounds after ${WARMUP} warm-up rounds (${os.cpus().length} cores, Node ${process.version})\n`
);
for (const row of rows)
  process.stdout.write(
    `  ${row.name.padEnd(width)}  ${row.medianMs.toFixed(1).padStart(7)} ms  ×${row.ratioToNode.toFixed(2)} of node -e 0\n`
  );
process.stdout.write(`  exchanges at the STS emulator during the timed rounds: ${refreshes} (one per refresh run)\n`);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify({ when: new Date().toISOString(), pairs: PAIRS, warmup: WARMUP, node: process.version, rows }, null, 2)}\n`
);
process.stdout.write(`wrote ${path.relative(ROOT, OUT)}\n`);
