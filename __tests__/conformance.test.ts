/**
 * The GitHub and Azure adapters speak the runners' protocols themselves (loading
 * @actions/core or azure-pipelines-task-lib would cost most of the step's start-up time).
 * These tests make the same calls through the official libraries and through the adapters,
 * with awkward values, and require identical stdout commands and file-command contents.
 */
import { jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { azurePipelinesPlatform } from '../src/platform/azure-pipelines.js';
import { githubPlatform } from '../src/platform/github.js';
import type { Platform } from '../src/platform/platform.js';
import { removeTempDirs, tempDir } from './helpers/temp.js';

afterAll(removeTempDirs);

const AWKWARD = ['plain', 'multi\nline\r\nvalue', '100% sure: a,b;c]d', ' padded ', ''];

/**
 * Runs `fn` with process.env replaced; returns what it wrote to process.stdout (the official
 * libraries) or to the writer it is given (the adapters).
 */
async function capture(env: NodeJS.ProcessEnv, fn: (out: (text: string) => void) => Promise<void> | void): Promise<string> {
  const saved = process.env;
  const savedExitCode = process.exitCode;
  process.env = { ...env };
  let written = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += chunk.toString();
    return true;
  });
  try {
    await fn((text) => (written += text));
  } finally {
    spy.mockRestore();
    process.env = saved;
    process.exitCode = savedExitCode;
  }
  return written;
}

const normalizeDelimiters = (text: string) => text.replace(/ghadelimiter_[A-Za-z0-9_-]+/g, '<DELIMITER>');

describe('GitHub adapter and @actions/core', () => {
  it('falls back to the same workflow commands on a runner without file commands', async () => {
    const core = await import('@actions/core');
    const official = await capture({}, () => {
      for (const value of AWKWARD) {
        core.setOutput('to:ken,1', value);
        core.exportVariable('ODD:NAME,1', value);
        core.saveState('state:1,2', value);
      }
    });
    const ours = await capture({}, (out) => {
      const p = githubPlatform(out);
      for (const value of AWKWARD) {
        p.setOutput('to:ken,1' as 'token', value);
        p.exportVariable('ODD:NAME,1', value);
        p.saveState('state:1,2', value);
      }
    });
    expect(ours).toBe(official);
  });

  function githubEnv(dir: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { RUNNER_TEMP: dir };
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE']) {
      env[name] = path.join(dir, name);
      writeFileSync(env[name] as string, '');
    }
    AWKWARD.forEach((value, i) => (env[`INPUT_INPUT-${i}`] = value));
    env['INPUT_AZURE-AUDIENCE'] = '  api://app  ';
    env.STATE_chainguardLoginState = '{"a":1}';
    return env;
  }
  const files = (env: NodeJS.ProcessEnv) =>
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE'].map((name) => normalizeDelimiters(readFileSync(env[name] as string, 'utf8')));

  /** The calls the step makes, with awkward values, through either implementation. */
  type Calls = Pick<Platform, 'setSecret' | 'exportVariable' | 'saveState' | 'info' | 'debug' | 'warning' | 'setFailed'> & {
    setOutput(name: string, value: string): void;
  };
  const exitCodes: Array<number | string | undefined> = [];
  function drive(api: Calls): void {
    for (const value of AWKWARD) {
      api.setSecret(value);
      api.setOutput('token', value);
      api.exportVariable('DOCKER_CONFIG', value);
      api.saveState('chainguardLoginState', value);
      api.info(value);
      api.debug(value);
      api.warning(value);
    }
    api.setFailed('failed: 50% of it\nthe rest');
    exitCodes.push(process.exitCode);
  }

  it('writes the same commands and file commands', async () => {
    const core = await import('@actions/core');
    const officialEnv = githubEnv(tempDir());
    const official = await capture(officialEnv, () => drive(core));
    const officialReads = await capture(officialEnv, () => undefined);

    const oursEnv = githubEnv(tempDir());
    let reads: string[] = [];
    const ours = await capture(oursEnv, (out) => {
      const p = githubPlatform(out);
      drive(p);
      reads = [p.get('azure-audience'), p.getState('chainguardLoginState')];
    });
    expect(officialReads).toBe('');
    expect(ours).toBe(official);
    expect(exitCodes).toEqual([1, 1]);
    expect(files(oursEnv)).toEqual(files(officialEnv));
    expect(reads).toEqual([
      (await captureValue(oursEnv, () => core.getInput('azure-audience'))) as string,
      (await captureValue(oursEnv, () => core.getState('chainguardLoginState'))) as string
    ]);
  });
});

async function captureValue<T>(env: NodeJS.ProcessEnv, fn: () => T): Promise<T> {
  const saved = process.env;
  process.env = { ...env };
  try {
    return fn();
  } finally {
    process.env = saved;
  }
}

describe('Azure adapter and azure-pipelines-task-lib', () => {
  it('writes the same logging commands (the library adds debug lines of its own)', async () => {
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { AGENT_TEMPDIRECTORY: dir, AGENT_VERSION: '4.266.2' };
    const values = AWKWARD.filter((v) => !/[\r\n]/.test(v) && v);
    // The library reads the environment once, when it is first imported.
    let official = '';
    official = await capture(env, async () => {
      const mod = await import('azure-pipelines-task-lib/task.js');
      type TaskLib = typeof import('azure-pipelines-task-lib/task.js');
      const tl = ((mod as unknown as { default?: TaskLib }).default ?? mod) as TaskLib;
      for (const value of values) {
        tl.setSecret(value);
        tl.setVariable('token', value, true, true);
        tl.setVariable('expiresAt', value, false, true);
        tl.setVariable('DOCKER_CONFIG', value);
        tl.setVariable('odd;name]100%', value);
        tl.setTaskVariable('chainguardLoginState', value);
        tl.warning(value);
      }
      tl.setResult(tl.TaskResult.Failed, 'failed: 50% of it; ] done');
    });
    const ours = await capture(env, (out) => {
      const p = azurePipelinesPlatform(out);
      for (const value of values) {
        p.setSecret(value);
        p.setOutput('token', value, { secret: true });
        p.setOutput('expires-at', value);
        p.exportVariable('DOCKER_CONFIG', value);
        p.exportVariable('odd;name]100%', value);
        p.saveState('chainguardLoginState', value);
        p.warning(value);
      }
      p.setFailed('failed: 50% of it; ] done');
    });
    const withoutDebug = (text: string) =>
      text
        .split(/\r?\n/)
        .filter((line) => line && !line.startsWith('##vso[task.debug]'))
        .join('\n');
    expect(withoutDebug(ours)).toBe(withoutDebug(official));
    expect(ours).not.toMatch(/##vso\[task\.debug\]/);
  });

  it('reads inputs and task variables where the agent puts them', async () => {
    const env: NodeJS.ProcessEnv = {
      INPUT_AZUREAUDIENCE: '  api://app ',
      INPUT_MANAGEDIDENTITYCLIENTID: 'id',
      VSTS_TASKVARIABLE_CHAINGUARDLOGINSTATE: '{"a":1}',
      AGENT_TEMPDIRECTORY: '/agent/_temp'
    };
    const reads = await captureValue(env, () => {
      const p = azurePipelinesPlatform();
      return [p.get('azure-audience'), p.get('managed-identity-client-id'), p.getState('chainguardLoginState'), p.tempDir()];
    });
    expect(reads).toEqual(['api://app', 'id', '{"a":1}', '/agent/_temp']);
  });
});
