/**
 * Runs the built GitHub Action's main step as runNode does, but hands back the child process
 * (to kill it mid-step) and can run it under a command prefix such as `prlimit`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUNDLE_NODE_OPTIONS,
  bundleNode,
  githubInputEnv,
  githubMainFiles,
  parseFileCommands,
  ROOT,
  type Job
} from '../../emulators/runners.mjs';

export interface SpawnedStep {
  child: ChildProcess;
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    outputs: Record<string, string>;
    state: Record<string, string>;
  }>;
}

/** Starts `dist/github/main/index.js` for `job` with `inputs`; `prefix` runs it under another command. */
export function spawnGithubMain(job: Job, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, prefix: string[] = []): SpawnedStep {
  const files = githubMainFiles(job);
  const argv = [...prefix, bundleNode(), path.join(ROOT, 'dist/github/main/index.js')];
  const child = spawn(argv[0], argv.slice(1), {
    env: { PATH: process.env.PATH, NODE_OPTIONS: BUNDLE_NODE_OPTIONS, ...job.env, ...githubInputEnv(inputs), ...files, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d.toString()));
  child.stderr?.on('data', (d) => (stderr += d.toString()));
  const done = new Promise<Awaited<SpawnedStep['done']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout,
        stderr,
        outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))
      })
    );
  });
  return { child, done };
}
