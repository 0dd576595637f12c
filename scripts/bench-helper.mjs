// The credential helper's benchmark: times `docker-credential-<name> get` as docker runs it (the
// sh wrapper, then the built helper), answered from its cache and with a refresh through the
// loopback IMDS and STS emulators, against a bare `node -e 0`, under this machine's Node (Node
// 20) and the pinned Node 24 (scripts/bench-nodes.mjs), alternating in one run. Prints medians
// and ratios (to `node -e 0` of the same Node, and Node 24 over Node 20), and writes the same
// numbers as JSON.
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
import { outputOf } from '../emulators/runners.mjs';
import { arg, benchNodes, median, node24Missing } from './bench-nodes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELPER = path.join(ROOT, 'dist', 'helper', 'index.js');
const PAIRS = Math.max(5, Number(arg('pairs', '15')));
const WARMUP = Number(arg('warmup', '3'));
const OUT = path.resolve(ROOT, arg('out', '.bench/helper.json'));
const HOST = 'cgr.dev';
const NODES = benchNodes();
const NODE24_MISSING = node24Missing(NODES);

/**
 * Runs a command with `stdin` to completion; resolves with its wall time, exit code and output.
 * @param {string} command @param {string[]} argv @param {string} stdin
 * @returns {Promise<{ ms: number, code: number | null, stdout: string, stderr: string }>}
 */
async function timed(command, argv, stdin) {
  const started = performance.now();
  const child = spawn(command, argv, { env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  const { code, stdout, stderr } = await outputOf(child, stdin);
  return { ms: performance.now() - started, code, stdout, stderr };
}

const emulators = await startEmulators();
const work = mkdtempSync(path.join(os.tmpdir(), 'chainguard-helper-bench-'));
let counter = 0;

/**
 * A helper directory with its configuration and sh wrapper (the layout the login step writes),
 * the wrapper running the helper under `node`. @param {string} node
 */
function helperDir(node) {
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
  writeFileSync(wrapper, `#!/bin/sh\nexec ${quote(node)} ${quote(HELPER)} --dir ${quote(dir)} "$@"\n`);
  chmodSync(wrapper, 0o700);
  return wrapper;
}

/** @param {{ code: number | null, stdout: string }} r */
const answered = (r) => r.code === 0 && JSON.parse(r.stdout).Username === '_token';

/** Each variant prepares untimed, then returns what to run; under each Node. */
/** @type {Record<string, () => { command: string, argv: string[], stdin: string, check: (r: { code: number | null, stdout: string }) => boolean }>} */
const variants = {};
for (const node of NODES) {
  const cached = helperDir(node.path);
  if (!answered(await timed(cached, ['get'], HOST)))
    throw new Error(`the helper did not answer under ${node.label}; run npm run build first`);
  variants[`node -e 0 · ${node.label}`] = () => ({ command: node.path, argv: ['-e', '0'], stdin: '', check: (r) => r.code === 0 });
  variants[`helper get (cached) · ${node.label}`] = () => ({ command: cached, argv: ['get'], stdin: HOST, check: answered });
  variants[`helper get (refresh) · ${node.label}`] = () => ({ command: helperDir(node.path), argv: ['get'], stdin: HOST, check: answered });
}

/** @type {Record<string, number[]>} */
const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const exchangesBefore = emulators.sts.issued.length;
const names = Object.keys(variants);
for (let round = 0; round < WARMUP + PAIRS; round++) {
  // Rotate the order each round so that no variant always runs first or last.
  for (const name of names.map((_, i) => names[(i + round) % names.length])) {
    const { command, argv, stdin, check } = variants[name]();
    const result = await timed(command, argv, stdin);
    if (!check(result)) throw new Error(`${name} failed: ${result.stderr.slice(0, 300)}`);
    if (round >= WARMUP) times[name].push(result.ms);
  }
}
const refreshes = emulators.sts.issued.length - exchangesBefore;
await emulators.close();
rmSync(work, { recursive: true, force: true });

/** The median of per-round ratios a / b. @param {string} a @param {string} b */
const pairedRatio = (a, b) => Math.round(median(times[a].map((x, i) => x / times[b][i])) * 100) / 100;
const rows = Object.entries(times).map(([name, values]) => {
  const node = name.slice(name.lastIndexOf(' · ') + 3);
  const kind = name.slice(0, name.lastIndexOf(' · '));
  const older = NODES.length === 2 && node === NODES[1].label ? `${kind} · ${NODES[0].label}` : null;
  return {
    name,
    medianMs: Math.round(median(values) * 10) / 10,
    ratioToNode: pairedRatio(name, `node -e 0 · ${node}`),
    ...(older ? { ratioToOlderNode: pairedRatio(name, older) } : {})
  };
});
const width = Math.max(...rows.map((r) => r.name.length));
process.stdout.write(
  `Credential helper, ${PAIRS} alternating rounds after ${WARMUP} warm-up rounds (${os.cpus().length} cores, ${NODES.map((n) => `${n.label} = ${n.version}`).join(', ')})\n`
);
for (const row of rows)
  process.stdout.write(
    `  ${row.name.padEnd(width)}  ${row.medianMs.toFixed(1).padStart(7)} ms  ×${row.ratioToNode.toFixed(2)} of node -e 0${row.ratioToOlderNode ? `  ×${row.ratioToOlderNode.toFixed(2)} of ${NODES[0].label}` : ''}\n`
  );
if (NODE24_MISSING) process.stdout.write(`  node 24 rows unavailable: ${NODE24_MISSING}\n`);
process.stdout.write(`  exchanges at the STS emulator during the timed rounds: ${refreshes} (one per refresh run)\n`);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify({ when: new Date().toISOString(), pairs: PAIRS, warmup: WARMUP, nodes: NODES.map(({ label, version }) => ({ label, version })), rows }, null, 2)}\n`
);
process.stdout.write(`wrote ${path.relative(ROOT, OUT)}\n`);
