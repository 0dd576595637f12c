// The startup and end-to-end benchmark. Starts the loopback emulators, then, alternating in
// one run, times the built GitHub bundle, the built Azure bundle, the hand-written curl | jq
// recipe, a bare `node -e 0`, and the barest Node.js program that does the job (the floor);
// reports medians, per-pair ratios, peak RSS, bundle sizes and two failure timings. Prints a
// table and writes the same numbers as JSON.
//
//   npm run bench [-- --pairs 15 --warmup 3 --out .bench/latest.json]
// @ts-check
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators } from '../emulators/index.mjs';
import { closedPort } from '../emulators/ports.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** @param {string} name @param {string} fallback */
const arg = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const PAIRS = Math.max(15, Number(arg('pairs', '15')));
const WARMUP = Number(arg('warmup', '3'));
const OUT = path.resolve(ROOT, arg('out', '.bench/latest.json'));
const RSS_RUNS = 7;

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs a command to completion; resolves with its wall time in ms, exit code and output.
 * @param {string} command @param {string[]} argv @param {NodeJS.ProcessEnv} env
 */
function timed(command, argv, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, output }));
  });
}

const emulators = await startEmulators();
const work = mkdtempSync(path.join(os.tmpdir(), 'chainguard-login-bench-'));
const baseEnv = { PATH: process.env.PATH ?? '', HOME: path.join(work, 'home') };
mkdirSync(baseEnv.HOME);
let runCounter = 0;

/** A fresh job directory for one run, made before the clock starts. */
function jobDir() {
  const dir = path.join(work, `run-${runCounter++}`);
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  return dir;
}

/** Each variant prepares its run untimed, then returns [command, argv, env, check]. */
const variants = {
  'node -e 0': () => ({ command: process.execPath, argv: ['-e', '0'], env: baseEnv, check: () => true }),
  'github bundle': () => {
    const dir = jobDir();
    const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV'].map((name) => [name, path.join(dir, name)]));
    for (const file of Object.values(files)) writeFileSync(file, '');
    return {
      command: process.execPath,
      argv: [path.join(ROOT, 'dist/github/main/index.js')],
      env: {
        ...baseEnv,
        ...files,
        RUNNER_TEMP: path.join(dir, 'temp'),
        INPUT_IDENTITY: IDENTITY_SYSTEM,
        'INPUT_AZURE-AUDIENCE': AZURE_AUDIENCE,
        INPUT_ISSUER: emulators.sts.url,
        AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url
      },
      check: (/** @type {{code: number}} */ r) => r.code === 0 && readFileSync(files.GITHUB_OUTPUT, 'utf8').includes('token<<')
    };
  },
  'azure bundle': () => {
    const dir = jobDir();
    return {
      command: process.execPath,
      argv: [path.join(ROOT, 'dist/azure/main/index.js')],
      env: {
        ...baseEnv,
        AGENT_TEMPDIRECTORY: path.join(dir, 'temp'),
        INPUT_IDENTITY: IDENTITY_SYSTEM,
        INPUT_AZUREAUDIENCE: AZURE_AUDIENCE,
        INPUT_ISSUER: emulators.sts.url,
        AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url
      },
      check: (/** @type {{code: number, output: string}} */ r) =>
        r.code === 0 && r.output.includes('##vso[task.setvariable variable=token;isOutput=true;issecret=true;]') && !r.output.includes('result=Failed')
    };
  },
  'curl recipe': () => recipe('bash', path.join(ROOT, 'scripts/recipe.sh')),
  'node http floor': () => recipe(process.execPath, path.join(ROOT, 'scripts/bench-floor.cjs'))
};

/** A run of a script that takes the recipe's variables and writes DOCKER_CONFIG/config.json. */
function recipe(/** @type {string} */ command, /** @type {string} */ script) {
  const dir = jobDir();
  return {
    command,
    argv: [script],
    env: {
      ...baseEnv,
      IMDS: emulators.imds.url,
      ISSUER: emulators.sts.url,
      AZURE_AUDIENCE,
      IDENTITY: IDENTITY_SYSTEM,
      DOCKER_CONFIG: path.join(dir, 'docker')
    },
    check: (/** @type {{code: number}} */ r) => r.code === 0 && existsSync(path.join(dir, 'docker', 'config.json'))
  };
}
/** @typedef {keyof typeof variants} Variant */
const names = /** @type {Variant[]} */ (Object.keys(variants));

/** @param {Variant} name */
async function runOnce(name) {
  const { command, argv, env, check } = variants[name]();
  const result = /** @type {{ms: number, code: number, output: string}} */ (await timed(command, argv, env));
  if (!check(result)) throw new Error(`${name} did not log in (exit ${result.code}):\n${result.output.slice(0, 2000)}`);
  return result.ms;
}

try {
  for (const missing of ['curl', 'jq'].filter((tool) => !process.env.PATH?.split(':').some((p) => existsSync(path.join(p, tool))))) {
    throw new Error(`the recipe needs ${missing}; install it (apt-get install ${missing})`);
  }
  process.stderr.write(`warming up (${WARMUP} rounds), then ${PAIRS} alternating rounds of ${names.join(', ')}\n`);
  for (let i = 0; i < WARMUP; i++) for (const name of names) await runOnce(name);

  /** @type {Record<Variant, number[]>} */
  const times = /** @type {any} */ (Object.fromEntries(names.map((n) => [n, []])));
  for (let round = 0; round < PAIRS; round++) {
    // Rotate the order each round so that no variant always runs first or last.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) times[name].push(await runOnce(name));
    rmSync(work, { recursive: true, force: true });
    mkdirSync(baseEnv.HOME, { recursive: true });
  }

  /** @param {Variant} a @param {Variant} b */
  const pairRatios = (a, b) => times[a].map((t, i) => t / times[b][i]);

  // Peak RSS, in runs of their own (the probe is preloaded, so these runs are not timed).
  /** @type {Record<string, number | null>} */
  const rss = {};
  for (const name of names) {
    const samples = [];
    for (let i = 0; i < RSS_RUNS; i++) {
      const { command, argv, env } = variants[name]();
      const file = path.join(work, `rss-${name.replace(/\W/g, '')}-${i}`);
      if (command === process.execPath) {
        await timed(command, argv, { ...env, NODE_OPTIONS: `--require=${path.join(ROOT, 'scripts/rss-probe.cjs')}`, BENCH_RSS_FILE: file });
        samples.push(Number(readFileSync(file, 'utf8').trim()));
      } else if (existsSync('/usr/bin/time')) {
        await timed('/usr/bin/time', ['-f', '%M', '-o', file, command, ...argv], env);
        samples.push(Number(readFileSync(file, 'utf8').trim().split('\n').pop()));
      }
    }
    rss[name] = samples.length ? median(samples) : null;
  }

  // Failure timings with the real backoff schedule.
  const port = await closedPort();
  const refused = [];
  for (let i = 0; i < 5; i++) {
    const { command, argv, env } = variants['github bundle']();
    const r = /** @type {{ms: number, code: number, output: string}} */ (await timed(command, argv, { ...env, AZURE_POD_IDENTITY_AUTHORITY_HOST: `http://127.0.0.1:${port}` }));
    if (r.code !== 1 || !r.output.includes('refused the connection')) throw new Error(`refused-connection run did not fail as expected:\n${r.output}`);
    refused.push(r.ms);
  }
  const updating = [];
  for (let i = 0; i < 3; i++) {
    const before = emulators.imds.requests.length;
    emulators.imds.script(...Array.from({ length: 3 }, () => ({ status: 410, body: { error: 'gone', error_description: 'IMDS is updating' } })));
    updating.push(await runOnce('github bundle'));
    if (emulators.imds.requests.length - before !== 4) throw new Error('the 410 run did not make four IMDS requests');
  }

  /** Bytes of the JavaScript a bundle loads at start, and of all its files. @param {string} dir */
  const size = (dir) => {
    const full = path.join(ROOT, dir);
    const files = readdirSync(full).filter((f) => f.endsWith('.js'));
    return { entryBytes: statSync(path.join(full, 'index.js')).size, allJsBytes: files.reduce((n, f) => n + statSync(path.join(full, f)).size, 0) };
  };

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    pairs: PAIRS,
    warmup: WARMUP,
    medianMs: Object.fromEntries(names.map((n) => [n, round(median(times[n]))])),
    ratios: {
      'github bundle / node -e 0': round(median(pairRatios('github bundle', 'node -e 0')), 3),
      'azure bundle / node -e 0': round(median(pairRatios('azure bundle', 'node -e 0')), 3),
      'github bundle / curl recipe': round(median(pairRatios('github bundle', 'curl recipe')), 3),
      'azure bundle / curl recipe': round(median(pairRatios('azure bundle', 'curl recipe')), 3),
      'node http floor / node -e 0': round(median(pairRatios('node http floor', 'node -e 0')), 3),
      'github bundle / node http floor': round(median(pairRatios('github bundle', 'node http floor')), 3)
    },
    peakRssKiB: rss,
    rssRatios: {
      'github bundle / node -e 0': rss['github bundle'] && rss['node -e 0'] ? round(rss['github bundle'] / rss['node -e 0'], 3) : null,
      'azure bundle / node -e 0': rss['azure bundle'] && rss['node -e 0'] ? round(rss['azure bundle'] / rss['node -e 0'], 3) : null
    },
    bundleBytes: {
      'github main': size('dist/github/main'),
      'github post': size('dist/github/post'),
      'azure main': size('dist/azure/main'),
      'azure post': size('dist/azure/post'),
      cli: size('dist/cli')
    },
    failures: {
      'imds refuses connections (github bundle), median ms': round(median(refused)),
      'imds 410 x3 then 200, real backoff (github bundle), median ms': round(median(updating))
    },
    samplesMs: Object.fromEntries(names.map((n) => [n, times[n].map((t) => round(t))]))
  };

  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

  const rows = [
    ['variant', 'median ms', '÷ node -e 0 (pairs)', '÷ recipe (pairs)', 'peak RSS KiB'],
    ...names.map((n) => [
      n,
      String(results.medianMs[n]),
      n === 'node -e 0' || n === 'curl recipe' ? '' : String(round(median(pairRatios(n, 'node -e 0')), 3)),
      n.includes('bundle') ? String(round(median(pairRatios(n, 'curl recipe')), 3)) : '',
      String(rss[n] ?? 'n/a')
    ])
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\n${PAIRS} alternating rounds after ${WARMUP} warm-up rounds, node ${process.version}, ${results.machine.cpus} cores`);
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log('\npeak RSS ratio:', JSON.stringify(results.rssRatios));
  console.log('bundle bytes (entry / all .js):', Object.entries(results.bundleBytes).map(([k, v]) => `${k} ${v.entryBytes} / ${v.allJsBytes}`).join('; '));
  for (const [what, ms] of Object.entries(results.failures)) console.log(`${what}: ${ms}`);
  console.log(`\nJSON: ${path.relative(ROOT, OUT)}`);
} finally {
  await emulators.close();
  rmSync(work, { recursive: true, force: true });
}

/** @param {number} value @param {number} [digits] */
function round(value, digits = 1) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
