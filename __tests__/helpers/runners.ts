/**
 * Runs the built bundles in dist/ as separate processes, the way the GitHub runner and the
 * Azure Pipelines agent run them, and reads back what they reported.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script>` with exactly `env` (plus PATH), never through a shell. */
export function runNode(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Parses a GitHub file command file (`name<<delimiter` blocks, or `name=value` lines). */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      result[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      result[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return result;
}

export interface GithubJob {
  dir: string;
  home: string;
  temp: string;
  /** Environment every step of the job sees (HOME, RUNNER_TEMP, …) plus what earlier steps exported. */
  env: NodeJS.ProcessEnv;
}

/** A fresh runner workspace: HOME, RUNNER_TEMP and the file-command files. */
export function githubJob(dir: string, extraEnv: NodeJS.ProcessEnv = {}): GithubJob {
  const home = path.join(dir, 'home');
  const temp = path.join(dir, 'runner-temp');
  mkdirSync(home, { recursive: true });
  mkdirSync(temp, { recursive: true });
  return { dir, home, temp, env: { HOME: home, RUNNER_TEMP: temp, GITHUB_ACTIONS: 'true', ...extraEnv } };
}

export interface GithubStepResult extends ProcessResult {
  outputs: Record<string, string>;
  state: Record<string, string>;
  exported: Record<string, string>;
}

/** Runs the main step with `inputs` (INPUT_<NAME> with hyphens kept, as the runner sets them). */
export async function runGithubMain(job: GithubJob, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<GithubStepResult> {
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_PATH: 'path', GITHUB_STEP_SUMMARY: 'summary' };
  const fileEnv: Record<string, string> = {};
  for (const [name, file] of Object.entries(files)) {
    fileEnv[name] = path.join(job.dir, `main-${file}`);
    writeFileSync(fileEnv[name], '');
  }
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
  const result = await runNode('dist/github/main/index.js', { ...job.env, ...inputEnv, ...fileEnv, ...env });
  const read = (name: string) => parseFileCommands(readFileSync(fileEnv[name], 'utf8'));
  return { ...result, outputs: read('GITHUB_OUTPUT'), state: read('GITHUB_STATE'), exported: read('GITHUB_ENV') };
}

/** Runs the post step the way the runner does: saved state as STATE_<name>, exported env kept. */
export async function runGithubPost(job: GithubJob, main: GithubStepResult, env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  return runNode('dist/github/post/index.js', { ...job.env, ...main.exported, ...stateEnv, ...env });
}

export interface VsoCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  line: number;
}

/** Parses `##vso[area.action key=value;…]message` lines. */
export function parseVso(stdout: string): VsoCommand[] {
  const commands: VsoCommand[] = [];
  stdout.split('\n').forEach((text, line) => {
    const match = /^##vso\[([\w.]+)((?:\s+[^\]]*)?)\](.*)$/.exec(text.replace(/\r$/, ''));
    if (!match) return;
    const properties: Record<string, string> = {};
    for (const pair of match[2].trim().split(';')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = pair.slice(at + 1);
    }
    commands.push({ command: match[1], properties, message: match[3], line });
  });
  return commands;
}

export interface AzureJob {
  dir: string;
  home: string;
  temp: string;
  env: NodeJS.ProcessEnv;
}

export function azureJob(dir: string, extraEnv: NodeJS.ProcessEnv = {}): AzureJob {
  const home = path.join(dir, 'home');
  const temp = path.join(dir, 'agent-temp');
  mkdirSync(home, { recursive: true });
  mkdirSync(temp, { recursive: true });
  return { dir, home, temp, env: { HOME: home, AGENT_TEMPDIRECTORY: temp, AGENT_VERSION: '4.266.2', TF_BUILD: 'True', ...extraEnv } };
}

export interface AzureTaskResult extends ProcessResult {
  commands: VsoCommand[];
  /** `task.complete` result, or 'Succeeded' when the task reported none. */
  result: string;
  outputs: Record<string, { value: string; secret: boolean }>;
  variables: Record<string, string>;
  taskVariables: Record<string, string>;
}

function azureResult(run: ProcessResult): AzureTaskResult {
  const commands = parseVso(run.stdout);
  const outputs: AzureTaskResult['outputs'] = {};
  const variables: Record<string, string> = {};
  const taskVariables: Record<string, string> = {};
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
  return { ...run, commands, result, outputs, variables, taskVariables };
}

/** Runs the task with `inputs` (INPUT_<NAME upper-cased>, as the agent sets them). */
export async function runAzureMain(job: AzureJob, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<AzureTaskResult> {
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  return azureResult(await runNode('dist/azure/main/index.js', { ...job.env, ...inputEnv, ...env }));
}

/** Runs the post-job script: task variables as VSTS_TASKVARIABLE_<NAME>, job variables as env. */
export async function runAzurePost(job: AzureJob, main: AzureTaskResult, env: NodeJS.ProcessEnv = {}): Promise<AzureTaskResult> {
  const taskEnv = Object.fromEntries(Object.entries(main.taskVariables).map(([k, v]) => [`VSTS_TASKVARIABLE_${k.replace(/\./g, '_').toUpperCase()}`, v]));
  const variableEnv = Object.fromEntries(Object.entries(main.variables).map(([k, v]) => [k.replace(/\./g, '_').toUpperCase(), v]));
  return azureResult(await runNode('dist/azure/post/index.js', { ...job.env, ...variableEnv, ...taskEnv, ...env }));
}
