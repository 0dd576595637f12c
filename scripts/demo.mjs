// The demo: starts the loopback emulators of Azure IMDS and Chainguard's STS, runs the built
// GitHub Action and the built Azure Pipelines task against them exactly as the runner and the
// agent would, and shows what a user sees: each step's log as the runner or agent renders it
// (masked values as ***, its commands hidden, debug lines hidden), the outputs, the docker config,
// the credential helper answering docker's `get`, and, when docker and a registry are installed,
// `docker manifest inspect` through the helper against a loopback registry. Nothing leaves
// 127.0.0.1. Colour only on a terminal, and never with NO_COLOR set.
// @ts-check
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, IDENTITY_USER_A, USER_A, startEmulators } from '../emulators/index.mjs';
import { startRegistryGate, stsTokens } from '../emulators/registry-gate.mjs';
import { REGISTRY_PROGRAMS, startRegistry } from '../emulators/registry.mjs';
import {
  BUNDLE_NODE_OPTIONS,
  azureJob,
  githubJob,
  outputOf,
  parseVso,
  runAzureMain,
  runAzurePost,
  runGithubMain,
  runGithubPost,
  which
} from '../emulators/runners.mjs';

const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
/** @param {number} code @param {string} text */
const paint = (code, text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);

// --- Step logs as the runner and the agent render them.

/** A GitHub workflow command's data, unescaped as the runner unescapes it. @param {string} data */
const githubData = (data) => data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
/** An Azure logging command's data, unescaped as the agent unescapes it. @param {string} data */
const azureData = (data) =>
  data
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%AZP25/g, '%');

/**
 * A message's lines, the first with the prefix the runner or agent gives it.
 * @param {string} prefix @param {string} message @param {number} code
 */
const issue = (prefix, message, code) =>
  message
    .replace(/\r/g, '')
    .split('\n')
    .map((line, i) => paint(code, i === 0 ? `${prefix}${line}` : line));

/**
 * How the GitHub runner shows one line of a step's output: `::error::`, `::warning::` and
 * `::notice::` as annotations, `::group::` as a heading; every other command (add-mask, debug,
 * save-state, …) is not shown.
 * @param {string} line
 * @returns {string[]}
 */
function githubLine(line) {
  const command = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
  if (!command) return [line];
  const [, name, data] = command;
  if (name === 'error') return issue('Error: ', githubData(data), 31);
  if (name === 'warning') return issue('Warning: ', githubData(data), 33);
  if (name === 'notice') return issue('Notice: ', githubData(data), 36);
  if (name === 'group') return [paint(1, `▶ ${githubData(data)}`)];
  return [];
}

/**
 * How the Azure Pipelines agent shows one line of a task's output: an issue as `##[error]` or
 * `##[warning]`, `##[group]` as a heading; every other logging command (setsecret, setvariable,
 * prependpath, debug, complete, …) is not shown.
 * @param {string} line
 * @returns {string[]}
 */
function azureLine(line) {
  const [command] = parseVso(line);
  if (command) {
    const type = command.properties.type;
    if ((command.command === 'task.logissue' || command.command === 'task.issue') && (type === 'error' || type === 'warning')) {
      return issue(`##[${type}]`, azureData(command.message), type === 'error' ? 31 : 33);
    }
    return [];
  }
  const group = /^##\[(group|endgroup)\](.*)$/.exec(line);
  if (group) return group[1] === 'group' ? [paint(1, `▶ ${group[2]}`)] : [];
  return [line];
}

/**
 * The values a step registered as secrets (`::add-mask::`, `##vso[task.setsecret]`, a secret
 * variable), which the runner and the agent replace with *** wherever they appear.
 * @param {string} output @param {'github' | 'azure'} runner
 */
function registeredSecrets(output, runner) {
  const secrets =
    runner === 'github'
      ? [...output.matchAll(/^::add-mask::(.+?)\r?$/gm)].map((match) => githubData(match[1]))
      : parseVso(output)
          .filter((c) => c.command === 'task.setsecret' || (c.command === 'task.setvariable' && c.properties.issecret === 'true'))
          .filter((c) => c.message)
          .map((c) => azureData(c.message));
  return secrets.sort((a, b) => b.length - a.length);
}

/**
 * A step's outputs as the runner lists them (`lines`), the values it registered as secrets as ***.
 * @param {string[]} lines @param {{ stdout: string }} run @param {'github' | 'azure'} runner
 */
const showValues = (lines, run, runner) => console.log(indent(masked(lines.join('\n'), registeredSecrets(run.stdout, runner))));

/** @param {string} text @param {string[]} secrets */
const masked = (text, secrets) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);

/**
 * A step's log as the runner or agent shows it, indented.
 * @param {{ stdout: string, stderr: string }} run @param {'github' | 'azure'} runner
 */
function stepLog(run, runner) {
  const secrets = registeredSecrets(run.stdout, runner);
  const lines = `${run.stdout}${run.stderr}`
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split('\n')
    .flatMap((line) => (runner === 'github' ? githubLine(line) : azureLine(line)));
  return indent(masked(lines.join('\n'), secrets));
}

// --- What the demo prints around the logs.

/** @param {string} text */
const indent = (text) =>
  text
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
/** @param {string} title */
const heading = (title) => console.log(`\n${paint(1, `== ${title}`)}`);
/** A command as a user would type it. @param {string} command */
const typed = (command) => console.log(indent(paint(2, `$ ${command}`)));

let failed = false;
/** @param {boolean} ok @param {string} what */
const check = (ok, what) => {
  console.log(`   ${ok ? paint(32, 'ok  ') : paint(31, 'FAIL')} ${what}`);
  if (!ok) failed = true;
};

/** The docker config as a user would inspect it, auth values redacted. @param {string} dir */
function showConfig(dir) {
  const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
  for (const entry of Object.values(config.auths ?? {})) {
    const decoded = Buffer.from(/** @type {{auth: string}} */ (entry).auth, 'base64').toString();
    /** @type {{auth: string}} */ (entry).auth = `base64("${decoded.split(':')[0]}:***")`;
  }
  return JSON.stringify(config, null, 2);
}

/**
 * Runs `file` as docker runs a credential helper: the request on stdin, the answer on stdout.
 * @param {string} file @param {string[]} args @param {string} input @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function runProgram(file, args, input, env) {
  return outputOf(spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] }), input);
}

/**
 * The environment of a later step of the job: what the login step exported, and the helper's
 * directory first on PATH (GITHUB_PATH), with the same loopback-only guard as the steps.
 * @param {import('../emulators/runners.mjs').Job} job @param {import('../emulators/runners.mjs').GithubStepResult} main
 */
const laterStep = (job, main) => ({
  ...job.env,
  ...main.exported,
  PATH: [...main.paths, process.env.PATH].join(path.delimiter),
  NODE_OPTIONS: BUNDLE_NODE_OPTIONS
});

/**
 * The credential helper answering docker: `get` for the registry (its token redacted) and `list`.
 * @param {import('../emulators/runners.mjs').Job} job
 * @param {import('../emulators/runners.mjs').GithubStepResult} main
 * @param {{ issued: string[] }} sts
 */
async function showHelper(job, main, sts) {
  const config = JSON.parse(readFileSync(path.join(main.outputs['docker-config'], 'config.json'), 'utf8'));
  const helper = `docker-credential-${config.credHelpers['cgr.dev']}`;
  const env = laterStep(job, main);
  const exchanges = sts.issued.length;
  typed(`echo cgr.dev | ${helper} get`);
  const get = await runProgram(path.join(main.paths[0], helper), ['get'], 'cgr.dev\n', env);
  /** @type {{ ServerURL?: string, Username?: string, Secret?: string }} */
  let answer = {};
  try {
    answer = JSON.parse(get.stdout);
  } catch {
    // Shown as a failure below.
  }
  console.log(indent(JSON.stringify({ ...answer, Secret: answer.Secret ? '***' : answer.Secret })));
  if (get.stderr) console.log(indent(masked(get.stderr.trimEnd(), [main.outputs.token])));
  typed(`${helper} list`);
  const list = await runProgram(path.join(main.paths[0], helper), ['list'], '', env);
  console.log(indent(list.stdout.trim()));
  check(get.code === 0 && answer.Username === '_token', 'docker gets user _token for cgr.dev from the helper');
  check(
    answer.Secret === main.outputs.token,
    "its secret (*** above, redacted by this demo) is the token the step got, from the helper's cache"
  );
  check(sts.issued.length === exchanges, 'no exchange was needed: the cache holds a token with more than five minutes left');
}

/**
 * `docker manifest inspect` through the helper against a loopback registry (Debian's
 * docker-registry behind a gate that accepts only the STS emulator's tokens), or why not.
 * @param {string} workspace
 * @param {Awaited<ReturnType<typeof startEmulators>>} emulators
 * @param {NodeJS.ProcessEnv} common
 */
async function showDockerPull(workspace, emulators, common) {
  const missing = ['docker', ...REGISTRY_PROGRAMS].filter((program) => !which(program));
  if (missing.length > 0) {
    console.log(indent(`Skipped: ${missing.join(', ')} not found on PATH (Debian: docker.io, docker-registry, apache2-utils, skopeo).`));
    return;
  }
  const upstream = { username: 'upstream', password: 'upstream-secret' };
  let registry;
  try {
    registry = await startRegistry(path.join(workspace, 'registry'), upstream.username, upstream.password);
  } catch (error) {
    console.log(indent(`Skipped: the loopback registry did not start (${error instanceof Error ? error.message : String(error)}).`));
    return;
  }
  const gate = await startRegistryGate({
    upstream: `http://${registry.host}`,
    upstreamCredentials: upstream,
    accept: stsTokens(emulators.sts)
  });
  try {
    const image = `${gate.host}/e2e/hello:latest`;
    console.log(indent(`A registry at ${gate.host} that accepts only user _token with a live token the STS emulator issued.`));
    const job = githubJob(path.join(workspace, 'github-docker'));
    const main = await runGithubMain(
      job,
      { identity: IDENTITY_SYSTEM, 'azure-audience': AZURE_AUDIENCE, issuer: emulators.sts.url, registry: gate.host },
      common
    );
    console.log(stepLog(main, 'github'));
    typed(`docker manifest inspect --insecure ${image}`);
    const inspect = await runProgram('docker', ['manifest', 'inspect', '--insecure', image], '', laterStep(job, main));
    console.log(indent((inspect.stdout || inspect.stderr).trimEnd()));
    const through = gate.requests.filter((r) => r.verdict === 'ok');
    check(inspect.code === 0, 'docker read the manifest through the credential helper');
    check(
      through.length > 0 && through.every((r) => r.user === '_token'),
      `the registry let through ${through.length} request(s) as _token with the step's token`
    );
    const post = await runGithubPost(job, main);
    console.log(stepLog(post, 'github'));
    check(post.code === 0 && !existsSync(main.outputs['docker-config']), 'the post step removed the login and the helper');
  } finally {
    await gate.close();
    await registry.stop();
  }
}

// --- The demo.

const emulators = await startEmulators();
const workspace = mkdtempSync(path.join(os.tmpdir(), 'chainguard-login-demo-'));
try {
  console.log(`Emulated Azure IMDS at ${emulators.imds.url}; emulated Chainguard STS at ${emulators.sts.url}`);
  console.log(
    'Step logs are shown as the runner and the agent render them: secrets the step registered as ***, its workflow and ' +
      'logging commands and debug lines hidden, errors and warnings as annotations.'
  );
  const common = { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url };

  // --- GitHub Actions: a self-hosted runner that already has its own docker logins.
  const gh = githubJob(path.join(workspace, 'github'));
  mkdirSync(path.join(gh.home, '.docker'));
  writeFileSync(
    path.join(gh.home, '.docker', 'config.json'),
    JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from('octocat:ghp_example').toString('base64') } } })
  );
  heading('GitHub Actions — uses: ./ with identity, azure-audience (system-assigned identity)');
  const ghMain = await runGithubMain(
    gh,
    { identity: IDENTITY_SYSTEM, 'azure-audience': AZURE_AUDIENCE, issuer: emulators.sts.url },
    common
  );
  console.log(stepLog(ghMain, 'github'));
  heading('Step outputs');
  showValues(
    Object.entries(ghMain.outputs).map(([k, v]) => `${k}: ${v}`),
    ghMain,
    'github'
  );
  heading(`Docker config written (${ghMain.outputs['docker-config']}/config.json)`);
  console.log(indent(showConfig(ghMain.outputs['docker-config'])));
  heading('A later step: the credential helper answers docker (docker runs it for every pull)');
  await showHelper(gh, ghMain, emulators.sts);
  heading('Post step');
  const ghPost = await runGithubPost(gh, ghMain);
  console.log(stepLog(ghPost, 'github'));
  check(ghMain.code === 0 && ghPost.code === 0, 'both steps succeeded');
  check(!existsSync(ghMain.outputs['docker-config']), 'the job-scoped docker config and the helper are gone after the post step');

  // --- docker through the helper, against a loopback registry.
  heading('docker manifest inspect through the credential helper (a loopback registry)');
  await showDockerPull(workspace, emulators, common);

  // --- Azure Pipelines: an agent on a VM with a user-assigned identity.
  const az = azureJob(path.join(workspace, 'azure'));
  heading('Azure Pipelines — task ChainguardAzureLogin@0 with managedIdentityClientId (user-assigned identity)');
  const azMain = await runAzureMain(
    az,
    { identity: IDENTITY_USER_A, azureAudience: AZURE_AUDIENCE, managedIdentityClientId: USER_A.clientId, issuer: emulators.sts.url },
    common
  );
  console.log(stepLog(azMain, 'azure'));
  heading('Output variables');
  showValues(
    Object.entries(azMain.outputs).map(([k, v]) => `${k}${v.secret ? ' (secret)' : ''}: ${v.value}`),
    azMain,
    'azure'
  );
  heading('Post-job step');
  const azPost = await runAzurePost(az, azMain);
  console.log(stepLog(azPost, 'azure'));
  check(azMain.result === 'Succeeded' && azPost.result === 'Succeeded', 'the task and its post-job step succeeded');
  check(!existsSync(azMain.outputs.dockerConfig?.value ?? ''), 'the job-scoped docker config is gone after the post-job step');

  // --- A mistake, to show what a failure looks like.
  heading('A misconfigured step (an identity that does not trust this VM): the error names the cause');
  const bad = await runGithubMain(
    githubJob(path.join(workspace, 'github-bad')),
    { identity: IDENTITY_USER_A, 'azure-audience': AZURE_AUDIENCE, issuer: emulators.sts.url },
    common
  );
  console.log(stepLog(bad, 'github'));
  check(bad.code === 1, 'the step failed with exit code 1');
} finally {
  await emulators.close();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(failed ? '\nDemo finished with failures.' : '\nDemo finished: every check passed.');
process.exitCode = failed ? 1 : 0;
