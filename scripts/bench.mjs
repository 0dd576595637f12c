// The startup and end-to-end benchmark. Starts the loopback emulators, then, alternating in
// one run, times under this machine's Node.js (Node 20) and under the pinned Node 24 (the Node
// of `runs.using: node24` and of the agent's Node24 handler, installed into .tools/ by
// `npm run bench` first): the built GitHub bundle and the built Azure bundle (on Node 24 also
// with a warm and with a cold compile cache), the command-line tool's login, the barest Node.js
// program that does the job (the floor), a bare `node -e 0` for reference, and the start-up of
// the two runner libraries alone (`@actions/core` imported, `azure-pipelines-task-lib/task`
// required); and, once, the hand-written curl | jq recipe and the Azure CLI route (`az login
// --identity`, `az account get-access-token`, the same exchange; on fewer rounds, as it takes
// seconds). Reports medians, per-round ratios and differences (Node 24 over Node 20, a compile
// cache over none), the goals (reported, never asserted), peak RSS, bundle sizes and the failure
// timings under each Node. Prints a table and writes the same numbers as JSON.
//
// The Azure CLI route runs only inside a network namespace that has nothing but loopback: the
// benchmark re-runs itself under `unshare --net` when `az` is installed and namespaces can be
// made (as root, or with a user namespace), checks that the namespace has no other address,
// and checks, under strace when it is installed, that `az` connects to 127.0.0.1 and nowhere
// else. `az` reaches the metadata emulator through MSI_ENDPOINT and Resource Manager through a
// loopback cloud registered in its own AZURE_CONFIG_DIR. Otherwise its row says why it is
// unavailable and the rest runs as usual.
//
//   npm run bench [-- --pairs 15 --warmup 3 --az-rounds 5 --out .bench/latest.json]
// @ts-check
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startArm } from '../emulators/arm.mjs';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators, TENANT } from '../emulators/index.mjs';
import { closedPort } from '../emulators/ports.mjs';
import { which } from '../emulators/runners.mjs';
import { arg, benchNodes, median, node24Missing } from './bench-nodes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAIRS = Math.max(15, Number(arg('pairs', '15')));
const WARMUP = Number(arg('warmup', '3'));
const AZ_ROUNDS = Math.min(PAIRS, Math.max(3, Number(arg('az-rounds', '5'))));
const OUT = path.resolve(ROOT, arg('out', '.bench/latest.json'));
const RSS_RUNS = 7;
/** Set in the copy of this benchmark that runs inside the loopback-only network namespace. */
const NAMESPACE_FLAG = 'CHAINGUARD_LOGIN_BENCH_NETNS';
const IN_NAMESPACE = process.env[NAMESPACE_FLAG] === '1';
/** Every child process is killed after this long; the Azure CLI and its setup get longer. */
const RUN_TIMEOUT_MS = 60_000;
const AZ_TIMEOUT_MS = 120_000;
/** The whole benchmark, when it re-runs itself in a namespace. */
const BENCH_TIMEOUT_MS = 15 * 60_000;

const NODES = benchNodes();
const NODE24_MISSING = node24Missing(NODES);

/**
 * @typedef {object} Run
 * @property {number} ms  wall time
 * @property {number | null} code
 * @property {string} output  stdout and stderr
 * @property {boolean} timedOut
 */

/**
 * Runs a command to completion in its own process group, killing the group after `timeoutMs`.
 * @param {string} command @param {string[]} argv @param {NodeJS.ProcessEnv} env
 * @param {{ timeoutMs?: number, cwd?: string }} [options]
 * @returns {Promise<Run>}
 */
function timed(command, argv, env, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { env, cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs ?? RUN_TIMEOUT_MS);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, output, timedOut });
    });
  });
}

// ---- The network namespace for the Azure CLI route ---------------------------------------

/** @type {string | null} why the az route does not run, or null when it does */
let azUnavailable = null;
if (!which('az')) {
  azUnavailable = 'az is not installed (Debian package azure-cli; scripts/bench-tools.sh installs it as root)';
} else if (!IN_NAMESPACE) {
  const unshare = which('unshare');
  const ip = which('ip');
  if (!unshare || !ip) {
    azUnavailable = 'needs unshare (util-linux) and ip (iproute2) to run az in a loopback-only network namespace';
  } else {
    // As root a network namespace is enough; otherwise try a user namespace that maps us to root.
    const unshareArgs = process.getuid?.() === 0 ? ['--net'] : ['--net', '--map-root-user'];
    const probe = await timed(
      unshare,
      [...unshareArgs, '--', ip, 'link', 'set', 'lo', 'up'],
      { PATH: process.env.PATH ?? '' },
      { timeoutMs: 10_000 }
    );
    if (probe.code !== 0) {
      azUnavailable = `cannot make a loopback-only network namespace for az (unshare ${unshareArgs.join(' ')}: ${probe.output.trim().split('\n').pop() || `exit ${probe.code}`})`;
    } else {
      // Re-run this benchmark inside the namespace, with loopback up and nothing else.
      const child = spawn(
        unshare,
        [
          ...unshareArgs,
          '--',
          'sh',
          '-c',
          `${ip} link set lo up && exec "$0" "$@"`,
          process.execPath,
          fileURLToPath(import.meta.url),
          ...process.argv.slice(2)
        ],
        {
          stdio: 'inherit',
          env: { ...process.env, [NAMESPACE_FLAG]: '1' }
        }
      );
      const timer = setTimeout(() => {
        process.stderr.write(`the benchmark did not finish in ${BENCH_TIMEOUT_MS / 60_000} minutes; stopping it\n`);
        child.kill('SIGKILL');
      }, BENCH_TIMEOUT_MS);
      const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
      clearTimeout(timer);
      process.exit(code);
    }
  }
} else {
  const outside = Object.entries(os.networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? []).filter((a) => !a.internal).map((a) => `${name} ${a.address}`)
  );
  if (outside.length) azUnavailable = `not run: the network namespace is not loopback-only (${outside.join(', ')})`;
}

// ---- Emulators and variants ----------------------------------------------------------------

const emulators = await startEmulators();
const work = mkdtempSync(path.join(os.tmpdir(), 'chainguard-login-bench-'));
/** Lives across rounds: the Azure CLI's certificate, emulator and prepared configuration. */
const azWork = mkdtempSync(path.join(os.tmpdir(), 'chainguard-login-bench-az-'));
const baseEnv = { PATH: process.env.PATH ?? '', HOME: path.join(work, 'home') };
mkdirSync(baseEnv.HOME);
/** The tool cache of the warm compile-cache rows: lives across rounds, filled by the warm-up. */
const toolCache = mkdtempSync(path.join(os.tmpdir(), 'chainguard-login-bench-tool-cache-'));
let runCounter = 0;
/**
 * The Resource Manager emulator once the Azure CLI is set up, and how many connections the
 * strace check saw (all to 127.0.0.1).
 * @type {{ arm: Awaited<ReturnType<typeof startArm>> | null, connects: number }}
 */
const azState = { arm: null, connects: 0 };

/** A fresh job directory for one run, made before the clock starts. */
function jobDir() {
  const dir = path.join(work, `run-${runCounter++}`);
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  return dir;
}

/**
 * Whether a recipe wrote a docker config holding a token the STS emulator issued.
 * @param {string} dockerConfig
 */
function loggedIn(dockerConfig) {
  const file = path.join(dockerConfig, 'config.json');
  if (!existsSync(file)) return false;
  const auth = JSON.parse(readFileSync(file, 'utf8'))?.auths?.['cgr.dev']?.auth;
  const decoded = typeof auth === 'string' ? Buffer.from(auth, 'base64').toString('utf8') : '';
  return decoded.startsWith('_token:') && emulators.sts.issued.includes(decoded.slice('_token:'.length));
}

/**
 * @typedef {object} Prepared  one run, prepared untimed
 * @property {string} command
 * @property {string[]} argv
 * @property {NodeJS.ProcessEnv} env
 * @property {string} [cwd]
 * @property {number} [timeoutMs]
 * @property {(r: Run) => boolean} check  whether the run did its job
 * @property {string} [rssFile]  where /usr/bin/time wrote the run's peak RSS, when it wraps the run
 */

/** @typedef {import('./bench-nodes.mjs').NodeRuntime} NodeRuntime */

/** How a bundle row treats Node's compile cache (on a Node that has one). @typedef {'off' | 'warm' | 'cold'} CacheMode */

/**
 * The environment that puts a bundle's compile cache where `mode` says: off; in the benchmark's
 * own tool cache, filled by the warm-up rounds; or in an empty one of the run's own. Never the
 * OS temp directory the bundle would otherwise fall back to. @param {string} variable
 * @param {CacheMode} mode @param {string} dir the run's job directory
 */
function cacheEnv(variable, mode, dir) {
  if (mode === 'off') return { NODE_DISABLE_COMPILE_CACHE: '1' };
  if (mode === 'warm') return { [variable]: toolCache };
  mkdirSync(path.join(dir, 'tool-cache'));
  return { [variable]: path.join(dir, 'tool-cache') };
}

/** A bare node, started from a job directory. @param {NodeRuntime} node @param {string[]} argv @returns {Prepared} */
const bareNode = (node, argv) => ({ command: node.path, argv, env: baseEnv, cwd: jobDir(), check: (r) => r.code === 0 });

/** The Action's main step, as the runner starts it. @param {NodeRuntime} node @param {CacheMode} cache @returns {Prepared} */
function githubRun(node, cache) {
  const dir = jobDir();
  const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV'].map((name) => [name, path.join(dir, name)]));
  for (const file of Object.values(files)) writeFileSync(file, '');
  return {
    command: node.path,
    argv: [path.join(ROOT, 'dist/github/main/index.js')],
    env: {
      ...baseEnv,
      ...files,
      ...cacheEnv('RUNNER_TOOL_CACHE', cache, dir),
      RUNNER_TEMP: path.join(dir, 'temp'),
      INPUT_IDENTITY: IDENTITY_SYSTEM,
      'INPUT_AZURE-AUDIENCE': AZURE_AUDIENCE,
      INPUT_ISSUER: emulators.sts.url,
      AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url
    },
    check: (r) => r.code === 0 && readFileSync(files.GITHUB_OUTPUT, 'utf8').includes('token<<')
  };
}

/** The task's main step, as the agent starts it. @param {NodeRuntime} node @param {CacheMode} cache @returns {Prepared} */
function azureRun(node, cache) {
  const dir = jobDir();
  return {
    command: node.path,
    argv: [path.join(ROOT, 'dist/azure/main/index.js')],
    env: {
      ...baseEnv,
      ...cacheEnv('AGENT_TOOLSDIRECTORY', cache, dir),
      AGENT_TEMPDIRECTORY: path.join(dir, 'temp'),
      INPUT_IDENTITY: IDENTITY_SYSTEM,
      INPUT_AZUREAUDIENCE: AZURE_AUDIENCE,
      INPUT_ISSUER: emulators.sts.url,
      AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url
    },
    check: (r) => r.code === 0 && secretOutputSet(r.output, 'token') && !/result=Failed/i.test(r.output)
  };
}

/** The command-line tool's login, as a shell runs it (`eval "$(chainguard-azure-login login …)"`). @param {NodeRuntime} node @returns {Prepared} */
function cliRun(node) {
  const dir = jobDir();
  return {
    command: node.path,
    argv: [
      path.join(ROOT, 'dist/cli/index.js'),
      'login',
      '--identity',
      IDENTITY_SYSTEM,
      '--azure-audience',
      AZURE_AUDIENCE,
      '--issuer',
      emulators.sts.url
    ],
    env: { ...baseEnv, TMPDIR: path.join(dir, 'temp'), AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url },
    check: (r) => r.code === 0 && /^export DOCKER_CONFIG=/m.test(r.output)
  };
}

/** `name` as run under `node`: the row's label. @param {string} name @param {NodeRuntime} node @param {CacheMode} [cache] */
const rowName = (name, node, cache) => `${name} · ${node.label}${cache && cache !== 'off' ? ` · ${cache} cache` : ''}`;

/** The cache modes of a bundle row under `node`: off alone where Node has no compile cache. @param {NodeRuntime} node @returns {CacheMode[]} */
const cacheModes = (node) => (node.compileCache ? ['off', 'warm', 'cold'] : ['off']);

/**
 * Each variant prepares its run untimed: the rows that run Node.js once per runtime (the bundles
 * also with a warm and a cold compile cache where Node has one), the two recipes once.
 * @type {Record<string, () => Prepared>}
 */
const variants = {};
for (const node of NODES) variants[rowName('node -e 0', node)] = () => bareNode(node, ['-e', '0']);
for (const [bundle, run] of /** @type {const} */ ([
  ['github bundle', githubRun],
  ['azure bundle', azureRun]
])) {
  for (const node of NODES) for (const cache of cacheModes(node)) variants[rowName(bundle, node, cache)] = () => run(node, cache);
}
for (const node of NODES) variants[rowName('cli login', node)] = () => cliRun(node);
variants['curl recipe'] = () => recipe('bash', path.join(ROOT, 'scripts/recipe.sh'));
variants['az route'] = () => {
  const dir = jobDir();
  const configDir = path.join(dir, 'azure');
  cpSync(path.join(azWork, 'config'), configDir, { recursive: true });
  const dockerConfig = path.join(dir, 'docker');
  const rssFile = path.join(dir, 'rss');
  const script = ['bash', path.join(ROOT, 'scripts/recipe-az.sh')];
  const time = which('time') === '/usr/bin/time' ? '/usr/bin/time' : null;
  return {
    // GNU time adds about a millisecond to a run of seconds, and gives the peak RSS of az.
    command: time ?? script[0],
    argv: time ? ['-f', '%M', '-o', rssFile, ...script] : script.slice(1),
    env: {
      ...baseEnv,
      ...azEnv(configDir),
      ISSUER: emulators.sts.url,
      AZURE_AUDIENCE,
      IDENTITY: IDENTITY_SYSTEM,
      DOCKER_CONFIG: dockerConfig
    },
    timeoutMs: AZ_TIMEOUT_MS,
    check: (r) => r.code === 0 && loggedIn(dockerConfig),
    rssFile: time ? rssFile : undefined
  };
};
for (const node of NODES) {
  variants[rowName('node http floor', node)] = () => recipe(node.path, path.join(ROOT, 'scripts/bench-floor.cjs'));
  // The libraries alone: what loading them adds to starting Node.js, whatever the bundles load.
  variants[rowName('import @actions/core', node)] = () => ({ ...bareNode(node, ['-e', "await import('@actions/core')"]), cwd: ROOT });
  variants[rowName('node -e "await 0"', node)] = () => bareNode(node, ['-e', 'await 0']);
  variants[rowName('require task-lib', node)] = () => {
    // The task library writes its vault key into the agent's temp directory at load.
    const temp = path.join(jobDir(), 'temp');
    return {
      command: node.path,
      argv: ['-e', "require('azure-pipelines-task-lib/task')"],
      env: { ...baseEnv, AGENT_TEMPDIRECTORY: temp },
      cwd: ROOT,
      check: (r) => r.code === 0 && existsSync(path.join(temp, '.taskkey'))
    };
  };
}

/** Whether the output sets `name` as a secret output variable (##vso, any attribute order). @param {string} output @param {string} name */
function secretOutputSet(output, name) {
  return output.split('\n').some((line) => {
    const m = /##vso\[task\.setvariable ([^\]]*)\]/i.exec(line);
    if (!m) return false;
    const props = Object.fromEntries(
      m[1]
        .split(';')
        .filter(Boolean)
        .map((p) => p.split('=').map((s) => s.trim().toLowerCase()))
    );
    return props.variable === name && props.isoutput === 'true' && props.issecret === 'true';
  });
}

/** A run of a script that takes the recipe's variables and writes DOCKER_CONFIG/config.json. */
function recipe(/** @type {string} */ command, /** @type {string} */ script) {
  const dir = jobDir();
  const dockerConfig = path.join(dir, 'docker');
  return {
    command,
    argv: [script],
    env: {
      ...baseEnv,
      IMDS: emulators.imds.url,
      ISSUER: emulators.sts.url,
      AZURE_AUDIENCE,
      IDENTITY: IDENTITY_SYSTEM,
      DOCKER_CONFIG: dockerConfig
    },
    check: (/** @type {Run} */ r) => r.code === 0 && loggedIn(dockerConfig)
  };
}

/** The Azure CLI's environment: its own configuration, the loopback endpoints, no telemetry. @param {string} configDir */
function azEnv(configDir) {
  return {
    AZURE_CONFIG_DIR: configDir,
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    MSI_ENDPOINT: emulators.imds.msiEndpoint,
    REQUESTS_CA_BUNDLE: path.join(azWork, 'cert.pem')
  };
}

/** @param {Prepared} prepared @param {string} what */
function explain(prepared, what) {
  return (/** @type {Run} */ r) =>
    `${what} ${r.timedOut ? `timed out after ${(prepared.timeoutMs ?? RUN_TIMEOUT_MS) / 1000} s` : `exited ${r.code}`}:\n${r.output.slice(0, 2000)}`;
}

/**
 * Prepares the Azure CLI: a certificate for the Resource Manager emulator (the CLI sends bearer
 * tokens only over https), the emulator, and a configuration directory with telemetry off and a
 * registered loopback cloud made active, which each timed run gets a fresh copy of. Then runs
 * the route once under strace, when installed, and refuses any connection outside 127.0.0.1.
 * @returns {Promise<string | null>} why the route cannot run, or null
 */
async function setUpAz() {
  const openssl = which('openssl');
  if (!openssl) return 'needs openssl for the Resource Manager emulator certificate';
  const keyFile = path.join(azWork, 'key.pem');
  const certFile = path.join(azWork, 'cert.pem');
  const cert = await timed(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile
    ],
    { PATH: baseEnv.PATH },
    { timeoutMs: 30_000 }
  );
  if (cert.code !== 0) return `openssl could not make a certificate: ${cert.output.trim().split('\n').pop()}`;
  const arm = await startArm({
    tenantId: TENANT,
    accepts: (token) => emulators.imds.issued.includes(token),
    tls: { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), host: '127.0.0.1' }
  });
  azState.arm = arm;
  const configDir = path.join(azWork, 'config');
  mkdirSync(configDir);
  writeFileSync(path.join(configDir, 'config'), '[core]\ncollect_telemetry = false\n');
  const env = { ...baseEnv, ...azEnv(configDir) };
  const endpoint = `${arm.url}/`;
  const cloud = 'LoopbackEmulators';
  for (const argv of [
    [
      'cloud',
      'register',
      '--name',
      cloud,
      '--profile',
      'latest',
      '--endpoint-resource-manager',
      endpoint,
      '--endpoint-management',
      endpoint,
      '--endpoint-active-directory',
      arm.url,
      '--endpoint-active-directory-resource-id',
      endpoint,
      '--endpoint-active-directory-graph-resource-id',
      endpoint
    ],
    ['cloud', 'set', '--name', cloud]
  ]) {
    const r = await timed('az', [...argv, '--output', 'none'], env, { timeoutMs: AZ_TIMEOUT_MS });
    if (r.code !== 0)
      return `az ${argv.slice(0, 2).join(' ')} ${r.timedOut ? 'timed out' : `failed (exit ${r.code})`}: ${r.output.trim().split('\n').slice(-3).join(' ')}`;
  }

  const strace = which('strace');
  if (!strace) {
    process.stderr.write('strace is not installed: relying on the namespace alone to keep az on loopback\n');
    return null;
  }
  const prepared = variants['az route']();
  const trace = path.join(azWork, 'connect.trace');
  const r = await timed(strace, ['-f', '-qq', '-e', 'trace=connect', '-o', trace, prepared.command, ...prepared.argv], prepared.env, {
    timeoutMs: AZ_TIMEOUT_MS
  });
  if (!prepared.check(r)) return `the az route did not log in under strace: ${explain(prepared, 'az route')(r)}`;
  const inet = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => /sa_family=AF_INET6?\b/.test(line));
  const elsewhere = inet.filter((line) => !/inet_addr\("127\.0\.0\.1"\)|inet_pton\(AF_INET6, "::1"/.test(line));
  if (elsewhere.length) return `refused: az tried to connect outside 127.0.0.1:\n${elsewhere.join('\n')}`;
  if (!inet.length) return 'the strace check saw no connection at all; not trusting it';
  azState.connects = inet.length;
  return null;
}

/** @param {string} name */
async function runOnce(name) {
  const prepared = variants[name]();
  const result = await timed(prepared.command, prepared.argv, prepared.env, { timeoutMs: prepared.timeoutMs, cwd: prepared.cwd });
  if (!prepared.check(result)) throw new Error(`${name} did not do its job: ${explain(prepared, name)(result)}`);
  const rss =
    prepared.rssFile && existsSync(prepared.rssFile) ? Number(readFileSync(prepared.rssFile, 'utf8').trim().split('\n').pop()) : null;
  return { ms: result.ms, rss };
}

try {
  for (const missing of ['curl', 'jq'].filter((tool) => !which(tool))) {
    throw new Error(`the recipe needs ${missing}; install it (apt-get install ${missing})`);
  }
  if (NODE24_MISSING) process.stderr.write(`${NODE24_MISSING}: only the ${NODES[0].label} rows run\n`);
  if (!azUnavailable) {
    process.stderr.write('preparing the Azure CLI (a loopback cloud in its own config directory), then checking its connections\n');
    azUnavailable = await setUpAz();
  }
  if (azUnavailable) process.stderr.write(`az route unavailable: ${azUnavailable}\n`);
  const names = Object.keys(variants).filter((n) => n !== 'az route' || !azUnavailable);
  const nodeRows = names.filter((n) => n !== 'curl recipe' && n !== 'az route');
  // The Azure CLI takes seconds a run: it runs on evenly spaced rounds only.
  const azEvery = Math.floor(PAIRS / AZ_ROUNDS);
  const azRound = (/** @type {number} */ round) => round % azEvery === 0 && round / azEvery < AZ_ROUNDS;

  process.stderr.write(
    `warming up (${WARMUP} rounds), then ${PAIRS} alternating rounds of ${names.length} rows under ${NODES.map((n) => `${n.label} (${n.version})`).join(' and ')}${azUnavailable ? '' : ` (az route on ${AZ_ROUNDS} of them)`}\n`
  );
  for (let i = 0; i < WARMUP; i++) for (const name of names) if (name !== 'az route' || i === 0) await runOnce(name);

  /** Per round, by variant; undefined where a variant did not run that round. @type {Record<string, (number | undefined)[]>} */
  const times = Object.fromEntries(names.map((n) => [n, []]));
  /** @type {number[]} */
  const azRss = [];
  for (let round = 0; round < PAIRS; round++) {
    // Rotate the order each round so that no variant always runs first or last.
    const order = names.map((_, i) => names[(i + round) % names.length]).filter((n) => n !== 'az route' || azRound(round));
    for (const name of order) {
      const { ms, rss } = await runOnce(name);
      times[name][round] = ms;
      if (name === 'az route' && rss) azRss.push(rss);
    }
    rmSync(work, { recursive: true, force: true });
    mkdirSync(baseEnv.HOME, { recursive: true });
  }
  /** @param {string} n */
  const samples = (n) => /** @type {number[]} */ (times[n].filter((t) => t !== undefined));
  /** Per-round values of f(a, b), over the rounds both ran. @param {string} a @param {string} b @param {(x: number, y: number) => number} f */
  const paired = (a, b, f) => {
    if (!times[a] || !times[b]) return null;
    const values = [];
    for (let r = 0; r < PAIRS; r++) {
      const x = times[a][r];
      const y = times[b][r];
      if (x !== undefined && y !== undefined) values.push(f(x, y));
    }
    return values.length ? median(values) : null;
  };
  /** Median per-round ratio a / b. @param {string} a @param {string} b @param {number} [digits] */
  const ratio = (a, b, digits = 3) => {
    const v = paired(a, b, (x, y) => x / y);
    return v === null ? null : round(v, digits);
  };
  /** Median per-round difference a − b, in ms. @param {string} a @param {string} b */
  const diff = (a, b) => {
    const v = paired(a, b, (x, y) => x - y);
    return v === null ? null : round(v);
  };
  /** The `node -e 0` row of the Node a row runs under, or null for the recipes. @param {string} n */
  const nodeFloorOf = (n) => {
    const node = NODES.find((candidate) => n.endsWith(` · ${candidate.label}`) || n.includes(` · ${candidate.label} · `));
    return node && nodeRows.includes(n) ? rowName('node -e 0', node) : null;
  };

  // Peak RSS, in runs of their own (the probe is preloaded, so these runs are not timed); the
  // Azure CLI's comes from its timed runs.
  /** @type {Record<string, number | null>} */
  const rss = {};
  const nodePaths = NODES.map((node) => node.path);
  for (const name of names) {
    if (name === 'az route') {
      rss[name] = azRss.length ? median(azRss) : null;
      continue;
    }
    const found = [];
    for (let i = 0; i < RSS_RUNS; i++) {
      const { command, argv, env, cwd } = variants[name]();
      const file = path.join(work, `rss-${name.replace(/\W/g, '')}-${i}`);
      if (nodePaths.includes(command)) {
        await timed(
          command,
          argv,
          { ...env, NODE_OPTIONS: `--require=${path.join(ROOT, 'scripts/rss-probe.cjs')}`, BENCH_RSS_FILE: file },
          { cwd }
        );
        found.push(Number(readFileSync(file, 'utf8').trim()));
      } else if (existsSync('/usr/bin/time')) {
        await timed('/usr/bin/time', ['-f', '%M', '-o', file, command, ...argv], env, { cwd });
        found.push(Number(readFileSync(file, 'utf8').trim().split('\n').pop()));
      }
    }
    rss[name] = found.length ? median(found) : null;
  }

  const failures = await failureTimings();

  /** Bytes of the JavaScript a bundle loads at start, and of all its files. @param {string} dir */
  const size = (dir) => {
    const full = path.join(ROOT, dir);
    const files = readdirSync(full).filter((f) => f.endsWith('.js') || f.endsWith('.mjs') || f.endsWith('.cjs'));
    return {
      entryBytes: statSync(path.join(full, 'index.js')).size,
      allJsBytes: files.reduce((n, f) => n + statSync(path.join(full, f)).size, 0)
    };
  };

  const newest = NODES[NODES.length - 1];
  const bundles = names.filter((n) => n.startsWith('github bundle') || n.startsWith('azure bundle'));
  /** The goals, on the newest Node with the warm compile cache where it has one. @type {Record<string, { value: number | null, target: string, met: boolean | null }>} */
  const goals = {};
  for (const [bundle, limit] of /** @type {const} */ ([
    ['github bundle', 1.5],
    ['azure bundle', 1.3]
  ])) {
    const row = rowName(bundle, newest, newest.compileCache ? 'warm' : 'off');
    const toRecipe = ratio(row, 'curl recipe');
    goals[`${row} ≤ ${limit} × curl recipe`] = { value: toRecipe, target: `≤ ${limit}`, met: toRecipe === null ? null : toRecipe <= limit };
    const azOver = azUnavailable ? null : ratio('az route', row, 1);
    goals[`${row} ≥ 10 × faster than az route`] = { value: azOver, target: '≥ 10', met: azOver === null ? null : azOver >= 10 };
  }

  /** Per kind of row, the newer Node's time over the older's (median of per-round ratios). @type {Record<string, number | null>} */
  const acrossNodes = {};
  /** Per bundle, a warm and a cold compile cache over none. @type {Record<string, number | null>} */
  const compileCache = {};
  if (NODES.length === 2) {
    for (const n of names.filter((name) => name.endsWith(` · ${NODES[0].label}`))) {
      const kind = n.slice(0, -` · ${NODES[0].label}`.length);
      acrossNodes[`${kind}: ${NODES[1].label} ÷ ${NODES[0].label}`] = ratio(rowName(kind, NODES[1]), n);
    }
  }
  for (const node of NODES.filter((candidate) => candidate.compileCache)) {
    for (const bundle of ['github bundle', 'azure bundle']) {
      for (const cache of /** @type {const} */ (['warm', 'cold'])) {
        compileCache[`${rowName(bundle, node, cache)} ÷ no cache`] = ratio(rowName(bundle, node, cache), rowName(bundle, node));
      }
    }
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    nodes: NODES.map(({ label, version, compileCache: cache }) => ({ label, version, compileCache: cache })),
    ...(NODE24_MISSING ? { node24: NODE24_MISSING } : {}),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    pairs: PAIRS,
    warmup: WARMUP,
    medianMs: Object.fromEntries(names.map((n) => [n, round(median(samples(n)))])),
    ratios: Object.fromEntries([
      ...[...bundles, ...names.filter((n) => n.startsWith('cli login') || n.startsWith('node http floor'))].map((n) => [
        `${n} / curl recipe`,
        ratio(n, 'curl recipe')
      ]),
      ...(azUnavailable ? [] : [...bundles, 'curl recipe'].map((n) => [`az route / ${n}`, ratio('az route', n, 1)])),
      ...NODES.map((node) => [
        `${rowName('github bundle', node)} / ${rowName('node http floor', node)}`,
        ratio(rowName('github bundle', node), rowName('node http floor', node))
      ])
    ]),
    acrossNodes,
    compileCache,
    startupMsOverNode: Object.fromEntries(
      nodeRows.filter((n) => !n.startsWith('node -e 0')).map((n) => [n, diff(n, /** @type {string} */ (nodeFloorOf(n)))])
    ),
    libraries: Object.fromEntries(
      NODES.flatMap((node) => [
        [`${node.label}: @actions/core import, ms over node -e 0`, diff(rowName('import @actions/core', node), rowName('node -e 0', node))],
        [
          `${node.label}: @actions/core import, ms over node -e "await 0" (ESM evaluation alone)`,
          diff(rowName('import @actions/core', node), rowName('node -e "await 0"', node))
        ],
        [
          `${node.label}: azure-pipelines-task-lib/task require, ms over node -e 0`,
          diff(rowName('require task-lib', node), rowName('node -e 0', node))
        ]
      ])
    ),
    goals,
    az: azUnavailable
      ? { available: false, reason: azUnavailable }
      : {
          available: true,
          rounds: AZ_ROUNDS,
          warmup: 1,
          version: await azVersion(),
          straceConnectsAllLoopback: azState.connects || null,
          namespace: 'loopback only'
        },
    peakRssKiB: rss,
    rssRatios: Object.fromEntries(
      NODES.flatMap((node) =>
        ['github bundle', 'azure bundle'].map((bundle) => {
          const a = rss[rowName(bundle, node)];
          const b = rss[rowName('node -e 0', node)];
          return [`${rowName(bundle, node)} / node -e 0`, a && b ? round(a / b, 3) : null];
        })
      )
    ),
    bundleBytes: {
      'github main': size('dist/github/main'),
      'github post': size('dist/github/post'),
      'azure main': size('dist/azure/main'),
      'azure post': size('dist/azure/post'),
      cli: size('dist/cli')
    },
    failures,
    samplesMs: Object.fromEntries(names.map((n) => [n, times[n].map((t) => (t === undefined ? null : round(t)))]))
  };

  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

  const show = (/** @type {number | null} */ v) => (v === null ? '' : String(v));
  const rows = [
    ['variant', 'median ms', 'runs', '+ms vs node -e 0', '÷ curl recipe', 'az route ÷ this', 'peak RSS KiB'],
    ...names.map((n) => {
      const floor = nodeFloorOf(n);
      const comparable = bundles.includes(n) || n.startsWith('cli login') || n.startsWith('node http floor') || n === 'az route';
      return [
        n,
        String(results.medianMs[n]),
        String(samples(n).length),
        floor && !n.startsWith('node -e 0') ? show(diff(n, floor)) : '',
        comparable ? show(ratio(n, 'curl recipe', n === 'az route' ? 1 : 3)) : '',
        bundles.includes(n) || n.startsWith('cli login') || n === 'curl recipe' ? show(azUnavailable ? null : ratio('az route', n, 1)) : '',
        String(rss[n] ?? 'n/a')
      ];
    }),
    ...(azUnavailable ? [['az route', 'unavailable', '', '', '', '', '']] : [])
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(
    `\n${PAIRS} alternating rounds after ${WARMUP} warm-up rounds, ${NODES.map((n) => `${n.label} = ${n.version}`).join(', ')}, ${results.machine.cpus} cores`
  );
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd()
    );
  if (NODE24_MISSING) console.log(`node 24 rows unavailable: ${NODE24_MISSING}`);
  if (azUnavailable) console.log(`az route unavailable: ${azUnavailable}`);
  else
    console.log(
      `az route: azure-cli ${results.az.version}, ${AZ_ROUNDS} rounds after 1 warm-up, in a loopback-only network namespace${azState.connects ? `; strace saw ${azState.connects} connections, all to 127.0.0.1` : ''}`
    );
  if (Object.keys(acrossNodes).length) {
    console.log(`\n${NODES[1].label} ÷ ${NODES[0].label} (median of per-round ratios):`);
    for (const [what, value] of Object.entries(acrossNodes)) console.log(`  ${what.slice(0, what.indexOf(':'))}: ${show(value)}`);
  }
  if (Object.keys(compileCache).length) {
    console.log('\ncompile cache (median of per-round ratios; no cache = NODE_DISABLE_COMPILE_CACHE=1):');
    for (const [what, value] of Object.entries(compileCache)) console.log(`  ${what}: ${show(value)}`);
  }
  console.log('\nlibrary start-up (median of per-round differences):');
  for (const [what, ms] of Object.entries(results.libraries)) console.log(`  ${what}: ${ms}`);
  console.log('\ngoals (reported, not asserted; median of per-round ratios):');
  for (const [what, g] of Object.entries(goals)) {
    console.log(
      `  ${what}: ${g.value === null ? `not measured (${azUnavailable ? 'az route unavailable' : 'no data'})` : `${g.value} — ${g.met ? 'met' : 'NOT met'}`}`
    );
  }
  console.log('\npeak RSS ratio:', JSON.stringify(results.rssRatios));
  console.log(
    'bundle bytes (entry / all .js):',
    Object.entries(results.bundleBytes)
      .map(([k, v]) => `${k} ${v.entryBytes} / ${v.allJsBytes}`)
      .join('; ')
  );
  for (const [what, ms] of Object.entries(results.failures)) console.log(`${what}: ${ms}`);
  console.log(`\nJSON: ${path.relative(process.cwd(), OUT)}`);
} finally {
  await emulators.close();
  await azState.arm?.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(azWork, { recursive: true, force: true });
  rmSync(toolCache, { recursive: true, force: true });
}

/**
 * The failure timings, with the real backoff schedule, under each Node (alternating): IMDS
 * refusing connections (a runner with no managed identity endpoint), and IMDS answering 410
 * three times before a token. The GitHub bundle, with no compile cache.
 * @returns {Promise<Record<string, number>>}
 */
async function failureTimings() {
  const port = await closedPort();
  /** @type {Record<string, number[]>} */
  const refused = {};
  /** @type {Record<string, number[]>} */
  const updating = {};
  for (let i = 0; i < 5; i++) {
    for (const node of NODES) {
      const { command, argv, env } = githubRun(node, 'off');
      const r = await timed(command, argv, { ...env, AZURE_POD_IDENTITY_AUTHORITY_HOST: `http://127.0.0.1:${port}` });
      if (r.code !== 1 || !r.output.includes('refused the connection'))
        throw new Error(`refused-connection run did not fail as expected:\n${r.output}`);
      (refused[node.label] ??= []).push(r.ms);
    }
  }
  for (let i = 0; i < 3; i++) {
    for (const node of NODES) {
      const before = emulators.imds.requests.length;
      emulators.imds.script(
        ...Array.from({ length: 3 }, () => ({ status: 410, body: { error: 'gone', error_description: 'IMDS is updating' } }))
      );
      (updating[node.label] ??= []).push((await runOnce(rowName('github bundle', node))).ms);
      if (emulators.imds.requests.length - before !== 4) throw new Error('the 410 run did not make four IMDS requests');
    }
  }
  return Object.fromEntries(
    NODES.flatMap((node) => [
      [`imds refuses connections (github bundle · ${node.label}), median ms`, round(median(refused[node.label]))],
      [`imds 410 x3 then 200, real backoff (github bundle · ${node.label}), median ms`, round(median(updating[node.label]))]
    ])
  );
}

/** The installed azure-cli package version, from dpkg, without running az again. */
async function azVersion() {
  const dpkg = which('dpkg-query');
  if (!dpkg) return 'unknown';
  const r = await timed(dpkg, ['-W', '-f=${Version}', 'azure-cli'], { PATH: baseEnv.PATH }, { timeoutMs: 10_000 });
  return r.code === 0 ? r.output.trim() : 'unknown';
}

/** @param {number} value @param {number} [digits] */
function round(value, digits = 1) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
