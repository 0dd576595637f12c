// @ts-check
// Emulates how the GitHub runner and the Azure Pipelines agent run the built bundles: as
// separate node processes, with inputs in INPUT_* variables, file commands (GitHub) or
// ##vso logging commands (Azure), and a post step that gets the saved state back.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The loopback preload every bundle run loads. */
export const LOOPBACK_PRELOAD = path.join(ROOT, 'emulators', 'loopback-only.mjs');
/**
 * NODE_OPTIONS of a bundle run with the loopback preload named as `preload` (the Windows Node
 * needs it as a file: URL): names resolve only under .example.test, to 127.0.0.1, and every
 * deprecation is reported, so that a test sees any warning a library would print into a user's
 * step log.
 * @param {string} preload
 */
export function bundleNodeOptions(preload) {
  return `--import=${preload} --pending-deprecation`;
}
/** NODE_OPTIONS of every bundle run under this machine's Node. */
export const BUNDLE_NODE_OPTIONS = bundleNodeOptions(JSON.stringify(LOOPBACK_PRELOAD));

/**
 * The Node.js that runs the bundles under test: CHAINGUARD_TEST_NODE (the test projects that run
 * the suites under Node 24 set it), else the one running the tests.
 */
export function bundleNode() {
  return process.env.CHAINGUARD_TEST_NODE || process.execPath;
}

/**
 * @typedef {object} ProcessResult
 * @property {number | null} code
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * How the bundles are started instead of bundleNode() with pipes (the Windows suite: the Windows
 * Node under wine, see emulators/wine.mjs): given the script (relative to the repository), the
 * environment (PATH and NODE_OPTIONS included) and the arguments.
 * @typedef {(script: string, env: NodeJS.ProcessEnv, args: string[]) => Promise<ProcessResult>} BundleLauncher
 */
/** @type {BundleLauncher | undefined} */
let launcher;

/**
 * Starts every later bundle run of this test file through `next` (undefined: bundleNode() again).
 * @param {BundleLauncher | undefined} next
 */
export function useBundleLauncher(next) {
  launcher = next;
}

/**
 * Runs `node <script>` (relative to the repository) under bundleNode() with exactly `env` plus
 * PATH, with host name lookups confined to loopback and deprecations reported.
 * @param {string} script
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} [args]
 * @returns {Promise<ProcessResult>}
 */
export function runNode(script, env, args = []) {
  if (launcher) return launcher(script, { PATH: process.env.PATH, NODE_OPTIONS: BUNDLE_NODE_OPTIONS, ...env }, args);
  const child = spawn(bundleNode(), [path.join(ROOT, script), ...args], {
    env: { PATH: process.env.PATH, NODE_OPTIONS: BUNDLE_NODE_OPTIONS, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return outputOf(child);
}

/**
 * Where `program` is, on PATH or in /usr/sbin or /sbin (where Debian puts some tools a non-login
 * root shell's PATH may lack), or null.
 * @param {string} program
 * @returns {string | null}
 */
export function which(program) {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin'].filter(Boolean);
  for (const dir of dirs) if (existsSync(path.join(dir, program))) return path.join(dir, program);
  return null;
}

/**
 * What a spawned program (stdout and stderr piped) printed, and its exit code, once it closed;
 * `input`, if given, is written to its stdin (which must be piped) and closed.
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} [input]
 * @returns {Promise<ProcessResult>}
 */
export function outputOf(child, input) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d.toString()));
    child.stderr?.on('data', (d) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input);
    }
  });
}

/**
 * Parses a GitHub file-command file (`name<<delimiter` blocks, or `name=value` lines).
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseFileCommands(text) {
  /** @type {Record<string, string>} */
  const result = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      result[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      result[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return result;
}

/**
 * @typedef {object} Job  a runner's or agent's workspace for one job
 * @property {string} dir
 * @property {string} home
 * @property {string} temp  RUNNER_TEMP or Agent.TempDirectory
 * @property {string} tools  RUNNER_TOOL_CACHE or Agent.ToolsDirectory (where the step bundles keep their compile cache)
 * @property {NodeJS.ProcessEnv} env  what every step of the job sees
 */

/**
 * A job workspace in `dir`: a HOME, a temp directory and a tool cache, named in the job's
 * environment by `jobEnv(home, temp, tools)`.
 * @param {string} dir
 * @param {(home: string, temp: string, tools: string) => NodeJS.ProcessEnv} jobEnv
 * @returns {Job}
 */
function newJob(dir, jobEnv) {
  const home = path.join(dir, 'home');
  const temp = path.join(dir, 'temp');
  const tools = path.join(dir, 'tools');
  for (const made of [home, temp, tools]) mkdirSync(made, { recursive: true });
  return { dir, home, temp, tools, env: { HOME: home, ...jobEnv(home, temp, tools) } };
}

/**
 * A fresh GitHub runner workspace: HOME, RUNNER_TEMP, RUNNER_TOOL_CACHE.
 * @param {string} dir
 * @param {NodeJS.ProcessEnv} [extraEnv]
 */
export function githubJob(dir, extraEnv = {}) {
  return newJob(dir, (_home, temp, tools) => ({ RUNNER_TEMP: temp, RUNNER_TOOL_CACHE: tools, GITHUB_ACTIONS: 'true', ...extraEnv }));
}

/**
 * @typedef {ProcessResult & { outputs: Record<string, string>, state: Record<string, string>, exported: Record<string, string>, paths: string[] }} GithubStepResult
 *   `paths`: the directories the step added to PATH (GITHUB_PATH), first-added first
 */

/**
 * Inputs as the runner hands them to a step: INPUT_<NAME>, upper-cased, spaces as underscores,
 * hyphens kept.
 * @param {Record<string, string>} inputs
 * @returns {Record<string, string>}
 */
export function githubInputEnv(inputs) {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}

/**
 * The main step's file-command files, created empty in the job directory as main-<kind> (the
 * secret-hygiene sweep allows main-output), by the variables that name them.
 * @param {Job} job
 * @returns {Record<'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY', string>}
 */
export function githubMainFiles(job) {
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_PATH: 'path', GITHUB_STEP_SUMMARY: 'summary' };
  const fileEnv = /** @type {Record<keyof files, string>} */ ({});
  for (const [name, file] of Object.entries(files)) {
    const at = path.join(job.dir, `main-${file}`);
    writeFileSync(at, '');
    fileEnv[/** @type {keyof files} */ (name)] = at;
  }
  return fileEnv;
}

/**
 * Runs the Action's main step with `inputs` (as githubInputEnv names them).
 * @param {Job} job
 * @param {Record<string, string>} inputs
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<GithubStepResult>}
 */
export async function runGithubMain(job, inputs, env = {}) {
  const fileEnv = githubMainFiles(job);
  const result = await runNode('dist/github/main/index.js', { ...job.env, ...githubInputEnv(inputs), ...fileEnv, ...env });
  /** @param {keyof typeof fileEnv} name */
  const read = (name) => parseFileCommands(readFileSync(fileEnv[name], 'utf8'));
  const paths = readFileSync(fileEnv.GITHUB_PATH, 'utf8').split('\n').filter(Boolean);
  return { ...result, outputs: read('GITHUB_OUTPUT'), state: read('GITHUB_STATE'), exported: read('GITHUB_ENV'), paths };
}

/**
 * Runs the post step: saved state as STATE_<name>, with what the main step exported.
 * @param {Job} job
 * @param {GithubStepResult} main
 * @param {NodeJS.ProcessEnv} [env]
 */
export function runGithubPost(job, main, env = {}) {
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  return runNode('dist/github/post/index.js', { ...job.env, ...main.exported, ...stateEnv, ...env });
}

/**
 * @typedef {object} VsoCommand
 * @property {string} command
 * @property {Record<string, string>} properties
 * @property {string} message
 */

/**
 * Parses `##vso[area.action key=value;…]message` lines.
 * @param {string} stdout
 * @returns {VsoCommand[]}
 */
export function parseVso(stdout) {
  /** @type {VsoCommand[]} */
  const commands = [];
  for (const text of stdout.split('\n')) {
    const match = /^##vso\[([\w.]+)((?:\s+[^\]]*)?)\](.*)$/.exec(text.replace(/\r$/, ''));
    if (!match) continue;
    /** @type {Record<string, string>} */
    const properties = {};
    for (const pair of match[2].trim().split(';')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = pair.slice(at + 1);
    }
    commands.push({ command: match[1], properties, message: match[3] });
  }
  return commands;
}

/**
 * A fresh Azure Pipelines agent workspace: HOME, Agent.TempDirectory, Agent.ToolsDirectory.
 * @param {string} dir
 * @param {NodeJS.ProcessEnv} [extraEnv]
 */
export function azureJob(dir, extraEnv = {}) {
  return newJob(dir, (_home, temp, tools) => ({
    AGENT_TEMPDIRECTORY: temp,
    AGENT_TOOLSDIRECTORY: tools,
    AGENT_VERSION: '4.266.2',
    TF_BUILD: 'True',
    ...extraEnv
  }));
}

/**
 * @typedef {ProcessResult & {
 *   commands: VsoCommand[],
 *   result: string,
 *   outputs: Record<string, { value: string, secret: boolean }>,
 *   variables: Record<string, string>,
 *   taskVariables: Record<string, string>,
 *   refused: string[]
 * }} AzureTaskResult  `result` is task.complete's, or 'Succeeded' when the task reported none;
 *   `refused`, the commands the agent would refuse under task.json's restrictions
 */

/**
 * The logging commands the agent processes in a task's "restricted" command mode (the worker
 * commands marked AllowedInRestrictedMode in the agent's Agent.Worker/TaskCommandExtension.cs,
 * with their aliases: task.issue is task.logissue).
 */
const RESTRICTED_MODE_COMMANDS = new Set([
  'task.logdetail',
  'task.logissue',
  'task.issue',
  'task.complete',
  'task.setprogress',
  'task.setsecret',
  'task.setvariable',
  'task.debug',
  'task.settaskvariable',
  'task.prependpath'
]);

/**
 * What the agent refuses of `commands` under task.json's `restrictions`, as it applies them: in
 * restricted mode only the commands above run; `task.setvariable` (output variables too) and
 * `task.prependpath` (as the variable PATH) need a name matching `settableVariables.allowed`
 * (case-insensitive globs).
 * @param {VsoCommand[]} commands
 * @param {{ commands?: { mode?: string }, settableVariables?: { allowed?: string[] } } | undefined} restrictions
 * @returns {string[]}
 */
export function restrictionViolations(commands, restrictions) {
  if (!restrictions) return [];
  const allowed = restrictions.settableVariables?.allowed;
  /** @param {string} name */
  const settable = (name) =>
    !allowed ||
    allowed.some((pattern) =>
      new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i'
      ).test(name)
    );
  /** @type {string[]} */
  const refused = [];
  for (const c of commands) {
    if (restrictions.commands?.mode === 'restricted' && !RESTRICTED_MODE_COMMANDS.has(c.command)) refused.push(`command ${c.command}`);
    else if (c.command === 'task.setvariable' && !settable(c.properties.variable ?? '')) refused.push(`variable ${c.properties.variable}`);
    else if (c.command === 'task.prependpath' && !settable('PATH')) refused.push('variable PATH (task.prependpath)');
  }
  return refused;
}

/** task.json's restrictions, which the emulated agent applies to every run of the task. */
const TASK_RESTRICTIONS = JSON.parse(readFileSync(path.join(ROOT, 'task.json'), 'utf8')).restrictions;

/**
 * @param {ProcessResult} run
 * @returns {AzureTaskResult}
 */
function azureResult(run) {
  const commands = parseVso(run.stdout);
  const refused = restrictionViolations(commands, TASK_RESTRICTIONS);
  /** @type {AzureTaskResult['outputs']} */
  const outputs = {};
  /** @type {Record<string, string>} */
  const variables = {};
  /** @type {Record<string, string>} */
  const taskVariables = {};
  let result = 'Succeeded';
  for (const c of commands) {
    if (c.command === 'task.setvariable' && c.properties.isOutput === 'true') {
      outputs[c.properties.variable] = { value: c.message, secret: c.properties.issecret === 'true' };
    } else if (c.command === 'task.setvariable') {
      variables[c.properties.variable] = c.message;
    } else if (c.command === 'task.settaskvariable') {
      taskVariables[c.properties.variable] = c.message;
    } else if (c.command === 'task.complete') {
      result = c.properties.result;
    }
  }
  return { ...run, commands, result, outputs, variables, taskVariables, refused };
}

/**
 * Runs the task with `inputs` (INPUT_<NAME upper-cased>, as the agent sets them).
 * @param {Job} job
 * @param {Record<string, string>} inputs
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function runAzureMain(job, inputs, env = {}) {
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  return azureResult(await runNode('dist/azure/main/index.js', { ...job.env, ...inputEnv, ...env }));
}

/**
 * Runs the post-job script: task variables as VSTS_TASKVARIABLE_<NAME>, job variables as env.
 * @param {Job} job
 * @param {AzureTaskResult} main
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function runAzurePost(job, main, env = {}) {
  /** @param {string} name */
  const key = (name) => name.replace(/\./g, '_').toUpperCase();
  const taskEnv = Object.fromEntries(Object.entries(main.taskVariables).map(([k, v]) => [`VSTS_TASKVARIABLE_${key(k)}`, v]));
  const variableEnv = Object.fromEntries(Object.entries(main.variables).map(([k, v]) => [key(k), v]));
  return azureResult(await runNode('dist/azure/post/index.js', { ...job.env, ...variableEnv, ...taskEnv, ...env }));
}
