/**
 * Values that users control (inputs, paths) must never turn a log line into a runner or agent
 * command. The GitHub runner acts on a line starting with `::` and on `##[name` anywhere in a
 * line; the Azure agent acts on the first `##vso[` anywhere in a line. These tests read the
 * built bundles' output as the runner and the agent would.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Job } from '../../emulators/runners.mjs';
import { useBundleHarness } from '../helpers/bundles.js';
import { agentCommands, githubCommands } from '../helpers/runner-commands.js';

describe('GitHub Action bundle', () => {
  const h = useBundleHarness();
  let job: Job;
  beforeEach(() => {
    job = h.githubJob();
  });

  it('prints a runner temp path carrying ##[set-output] without the runner acting on it', async () => {
    const temp = path.join(job.dir, 'temp ##[set-output name=injected;]pwned');
    mkdirSync(temp);
    const main = await h.githubMain(job, h.githubInputs(), { RUNNER_TEMP: temp });
    expect(main.code).toBe(0);
    expect(path.dirname(main.outputs['docker-config'])).toBe(temp);
    expect(main.outputs.injected).toBeUndefined();
    expect(main.stdout).toContain('pwned');
    for (const command of githubCommands(main.stdout)) expect(['add-mask', 'debug']).toContain(command);
    const post = await h.githubPost(job, main, { RUNNER_TEMP: temp });
    expect(post.code).toBe(0);
    for (const command of githubCommands(post.stdout)) expect(['add-mask', 'debug']).toContain(command);
  });

  it('quotes an STS answer carrying workflow commands without the runner acting on them', async () => {
    h.emulators.sts.script({
      status: 400,
      body: { code: 3, message: 'bad ::stop-commands::zz\n::add-mask::x ##[set-output name=injected;]pwned' }
    });
    const main = await h.githubMain(job, h.githubInputs());
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::Could not exchange .*pwned/);
    for (const command of githubCommands(main.stdout)) expect(['add-mask', 'debug', 'error']).toContain(command);
  });

  it('never lets an azure-audience turn off command processing', async () => {
    const main = await h.githubMain(
      job,
      h.githubInputs({ 'azure-audience': 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c##[stop-commands]zz' })
    );
    // The step ran: it either refused the input or printed the value, made inert.
    expect(main.stdout).toMatch(/::error::Input azure-audience|stop-commands/);
    expect(githubCommands(main.stdout)).not.toContain('stop-commands');
    for (const command of githubCommands(main.stdout)) expect(['add-mask', 'debug', 'error']).toContain(command);
  });
});

describe('Azure Pipelines task bundle', () => {
  const h = useBundleHarness();
  let job: Job;
  beforeEach(() => {
    job = h.azureJob();
  });

  it('never lets an azureAudience prepend to PATH', async () => {
    const evil = path.join(job.dir, 'evil-bin');
    const main = await h.azureMain(
      job,
      h.azureInputs({ azureAudience: `api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c##vso[task.prependpath]${evil}` })
    );
    expect(main.stdout).toMatch(/Input azureAudience|prependpath/);
    for (const { command, at } of agentCommands(main.stdout)) {
      expect(command).not.toBe('task.prependpath');
      expect(at).toBe(0);
    }
  });

  it('prints an agent temp path carrying ##vso[task.setvariable] without the agent acting on it', async () => {
    const temp = path.join(job.dir, 'temp ##vso[task.setvariable variable=DOCKER_CONFIG]x');
    mkdirSync(temp);
    const main = await h.azureMain(job, h.azureInputs(), { AGENT_TEMPDIRECTORY: temp });
    expect(main.result).toBe('Succeeded');
    const dir = main.outputs.dockerConfig.value;
    expect(path.dirname(dir)).toBe(temp);
    expect(main.stdout).toContain('DOCKER_CONFIG]x');
    for (const { at } of agentCommands(main.stdout)) expect(at).toBe(0);
    const setVariables = main.commands.filter((c) => c.command === 'task.setvariable' && c.properties.variable === 'DOCKER_CONFIG');
    expect(setVariables.map((c) => c.message)).toEqual([dir]);
    const post = await h.azurePost(job, main, { AGENT_TEMPDIRECTORY: temp });
    expect(post.result).toBe('Succeeded');
    for (const { at } of agentCommands(post.stdout)) expect(at).toBe(0);
  });

  it('quotes an STS answer carrying logging commands without the agent acting on them', async () => {
    h.emulators.sts.script({ status: 400, body: { code: 3, message: 'bad ##vso[task.prependpath]/tmp/evil-bin' } });
    const main = await h.azureMain(job, h.azureInputs());
    expect(main.result).toBe('Failed');
    expect(main.stdout).toContain('evil-bin');
    for (const { command, at } of agentCommands(main.stdout)) {
      expect(command).not.toBe('task.prependpath');
      expect(at).toBe(0);
    }
  });
});
