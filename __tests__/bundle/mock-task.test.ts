/**
 * The task as azure-pipelines-task-lib's own mock-test runner runs it: a task-run file that
 * hands the built task (with the real task library, not its mock) its inputs through
 * TaskMockRunner. The runner spawns that file synchronously, so the emulators run in a process
 * of their own, and the file carries its inputs and environment itself. The runner also runs
 * the Node version a task.json handler names from a download folder under HOME; the test points
 * HOME at a folder where the Node20_1 handler's Node is this machine's Node 20 and the Node24
 * handler's is the real Node 24 (scripts/runtimes.mjs), so nothing is downloaded and each
 * handler runs the Node the agent would give it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM } from '../../emulators/index.mjs';
import { ROOT } from '../../emulators/runners.mjs';
import { runtimePath } from '../../scripts/runtimes.mjs';
import { COMPILE_CACHE_FOLDER } from '../../src/core/compile-cache.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

/** The builds the mock-test runner names for each handler, and the Node that stands in for each. */
const HANDLERS = [
  { handler: 'Node20_1', major: 20, build: 'v20.13.1', node: process.execPath },
  { handler: 'Node24', major: 24, build: 'v24.10.0', node: runtimePath('linux-24') }
] as const;

let emulators: ChildProcess;
let urls: { imds: string; sts: string };
const savedEnv = { ...process.env };
let agentTemp: string;
let agentTools: string;

beforeAll(async () => {
  emulators = spawn(process.execPath, [path.join(ROOT, 'emulators', 'serve.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await new Promise<string[]>((resolve) => {
    createInterface({ input: emulators.stdout! }).once('line', (text) => resolve([text]));
  });
  urls = JSON.parse(line);

  const home = tempDir('cgl-mock-home-');
  for (const { major, build, node } of HANDLERS) {
    const download = path.join(home, 'azure-pipelines-task-lib', '_download', `node${major}`);
    mkdirSync(path.join(download, `node-${build}-linux-x64`, 'bin'), { recursive: true });
    symlinkSync(node, path.join(download, `node-${build}-linux-x64`, 'bin', 'node'));
    writeFileSync(`${download}.completed`, '');
  }
  agentTemp = tempDir('cgl-mock-agent-');
  agentTools = tempDir('cgl-mock-tools-');
  process.env.HOME = home;
});

afterAll(async () => {
  emulators.stdin?.end();
  await new Promise((resolve) => emulators.once('exit', resolve));
  process.env = savedEnv;
  removeTempDirs();
});

/** Writes a task-run file for TaskMockRunner that runs the built task with `inputs`. */
function taskRunFile(inputs: Record<string, string>, env: Record<string, string>): string {
  const file = path.join(tempDir('cgl-mock-run-'), 'run.cjs');
  const lines = [
    `const { TaskMockRunner } = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'azure-pipelines-task-lib', 'mock-run.js'))});`,
    `Object.assign(process.env, ${JSON.stringify(env)});`,
    'console.log(`node-version=${process.version}`);',
    `const runner = new TaskMockRunner(${JSON.stringify(path.join(ROOT, 'dist', 'azure', 'main', 'index.js'))});`,
    ...Object.entries(inputs).map(([name, value]) => `runner.setInput(${JSON.stringify(name)}, ${JSON.stringify(value)});`),
    'runner.run(true);'
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Runs the task through MockTestRunner with `inputs`, under the Node of the given major version,
 * or without one under the handler task.json prefers (as the agent does).
 */
async function runTask(inputs: { identity: string; azureAudience: string; issuer: string }, major?: 20) {
  const { MockTestRunner } = await import('azure-pipelines-task-lib/mock-test.js');
  const file = taskRunFile(inputs, {
    AZURE_POD_IDENTITY_AUTHORITY_HOST: urls.imds,
    AGENT_TEMPDIRECTORY: agentTemp,
    AGENT_TOOLSDIRECTORY: agentTools
  });
  const runner = new MockTestRunner(file, path.join(ROOT, 'task.json'));
  await runner.runAsync(major);
  return runner;
}

describe('azure-pipelines-task-lib mock-test runner', () => {
  it('runs the Node24 handler, which task.json prefers, under Node 24', async () => {
    const runner = await runTask({ identity: IDENTITY_SYSTEM, azureAudience: AZURE_AUDIENCE, issuer: urls.sts });
    expect(runner.stdout).toMatch(/^node-version=v24\./m);
    expect(runner.errorIssues).toEqual([]);
    expect(runner.succeeded).toBe(true);
    expect(runner.stdout).toMatch(/##vso\[task\.setvariable variable=token;isOutput=true;issecret=true;\]eyJ/);
    // Node 24 keeps the compiled step in the agent's tool directory, in a folder of its own.
    expect(readdirSync(path.join(agentTools, COMPILE_CACHE_FOLDER)).length).toBeGreaterThan(0);
  });

  it('passes the task under the Node20_1 handler, which sets its output variables', async () => {
    const runner = await runTask({ identity: IDENTITY_SYSTEM, azureAudience: AZURE_AUDIENCE, issuer: urls.sts }, 20);
    expect(runner.stdout).toMatch(/^node-version=v20\./m);
    expect(runner.errorIssues).toEqual([]);
    expect(runner.succeeded).toBe(true);
    expect(runner.stdout).toMatch(/##vso\[task\.setvariable variable=token;isOutput=true;issecret=true;\]eyJ/);
    expect(runner.stdout).toMatch(/##vso\[task\.setvariable variable=identity;isOutput=true;issecret=false;\]/);
    expect(runner.stdout).not.toMatch(/LIB_ResourceFile|Resource file haven't been set/);
  });

  it("reports a refused input as the task's one error", async () => {
    const runner = await runTask({ identity: 'not-a-uidp', azureAudience: AZURE_AUDIENCE, issuer: urls.sts }, 20);
    expect(runner.failed).toBe(true);
    expect(runner.errorIssues).toHaveLength(1);
    expect(runner.errorIssues[0]).toMatch(/^Input identity is not an assumable identity's UIDP/);
  });

  it("keeps the task library's vault key in the agent's temp directory, never in the working tree", () => {
    expect(existsSync(path.join(ROOT, '.taskkey'))).toBe(false);
    expect(readdirSync(agentTemp)).toContain('.taskkey');
  });
});
