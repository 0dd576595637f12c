/**
 * The Azure Pipelines task on a Windows agent: its main and post steps run by the Windows Node
 * (under wine on Linux, natively on windows-latest), with drive-letter paths throughout; the
 * runner's plugins, contexts and builders linked by directory junctions, or left out with a
 * warning naming each (wine has no junctions: ENOTSUP); the job directory private to the user;
 * and the credential helper's .cmd wrapper answering get, list, a refresh, and store/erase
 * without harm, as docker runs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeJwt } from '../../emulators/index.mjs';
import { BUNDLE_NODE_OPTIONS, type AzureTaskResult, type Job } from '../../emulators/runners.mjs';
import { writeCached } from '../../src/core/credential-helper/cache.js';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { describeOnWindows } from '../helpers/windows-host.js';

describeOnWindows('the Azure task on a Windows agent', (host) => {
  const h = useBundleHarness();
  let job: Job;
  beforeEach(() => {
    job = h.azureJob();
  });

  const warnings = (run: AzureTaskResult): string[] =>
    run.commands.filter((c) => c.command === 'task.issue' && c.properties.type === 'warning').map((c) => c.message);
  /** A drive-letter path the task printed, as this machine names it. */
  const local = (windowsPath: string): string => host.fromWindows(windowsPath);

  it('logs in and out with drive-letter paths, in a job directory private to the user', async () => {
    const main = await h.azureMain(job, h.azureInputs());
    expect(main.stderr).toBe('');
    expect(main.result).toBe('Succeeded');
    const dir = main.outputs.dockerConfig.value;
    expect(dir).toMatch(/^[A-Za-z]:\\/);
    expect(path.win32.dirname(dir)).toBe(host.toWindows(job.temp));
    expect(main.variables.DOCKER_CONFIG).toBe(dir);
    expect(main.variables.REGISTRY_AUTH_FILE).toBe(path.win32.join(dir, 'containers-auth.json'));
    const config = JSON.parse(readFileSync(path.join(local(dir), 'config.json'), 'utf8'));
    expect(config.auths['cgr.dev'].auth).toBe(basicAuth('_token', h.emulators.sts.issued[0]));
    // wine's icacls is a stub that changes nothing and exits 0, so there is no warning either way; on Windows the ACL is checked.
    expect(warnings(main)).toEqual([]);
    if (!host.isWine) {
      const acl = execFileSync('icacls', [dir], { encoding: 'utf8' });
      expect(acl.split(/\r?\n/).filter((line) => line.includes(':('))).toHaveLength(1);
    }

    const post = await h.azurePost(job, main);
    expect(post.result).toBe('Succeeded');
    expect(post.stdout).toContain(`Logout: deleted ${dir}`);
    expect(existsSync(local(dir))).toBe(false);
  });

  it('links the runner’s plugins with directory junctions, or leaves each out with a warning naming it; the post step leaves them whole', async () => {
    const seed = path.join(job.dir, 'runner-docker');
    mkdirSync(path.join(seed, 'cli-plugins'), { recursive: true });
    mkdirSync(path.join(seed, 'contexts'));
    writeFileSync(path.join(seed, 'cli-plugins', 'docker-buildx.exe'), 'plugin');
    writeFileSync(path.join(seed, 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } } }));

    const main = await h.azureMain(job, h.azureInputs(), { DOCKER_CONFIG: seed });
    expect(main.result).toBe('Succeeded');
    const dir = local(main.outputs.dockerConfig.value);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')).auths).sort()).toEqual(['cgr.dev', 'ghcr.io']);
    if (host.isWine) {
      const target = (name: string) => path.win32.join(host.toWindows(seed), name);
      expect(warnings(main)).toEqual([
        `Left cli-plugins out of the job's docker config: a directory junction to ${target('cli-plugins')} could not be made (ENOTSUP); ` +
          'docker CLI plugins installed there (buildx, compose, …) are not found in this job.',
        `Left contexts out of the job's docker config: a directory junction to ${target('contexts')} could not be made (ENOTSUP); ` +
          'docker contexts defined there are not available in this job.'
      ]);
    } else {
      expect(warnings(main)).toEqual([]);
      expect(lstatSync(path.join(dir, 'cli-plugins')).isSymbolicLink()).toBe(true);
      expect(readdirSync(path.join(dir, 'cli-plugins'))).toEqual(['docker-buildx.exe']);
    }

    const post = await h.azurePost(job, main);
    expect(post.result).toBe('Succeeded');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(path.join(seed, 'cli-plugins'))).toEqual(['docker-buildx.exe']);
    expect(readdirSync(seed).sort()).toEqual(['cli-plugins', 'config.json', 'contexts']);
  });

  it('installs the credential helper with a .cmd wrapper that answers get, list, a refresh, and store/erase without harm', async () => {
    const main = await h.azureMain(job, h.azureInputs({ credentialHelper: 'true' }));
    expect(main.result).toBe('Succeeded');
    const bin = main.commands.find((c) => c.command === 'task.prependpath')?.message ?? '';
    expect(bin).toMatch(/\\chainguard-login-[A-Za-z0-9]{6}\\chainguard-helper-[A-Za-z0-9]{6}\\bin$/);
    const config = JSON.parse(readFileSync(path.join(local(main.outputs.dockerConfig.value), 'config.json'), 'utf8'));
    const name: string = config.credHelpers['cgr.dev'];
    const wrapper = path.win32.join(bin, `docker-credential-${name}.cmd`);
    expect(existsSync(local(wrapper))).toBe(true);
    expect(readFileSync(local(wrapper), 'utf8')).toMatch(/^@echo off\r\n/);
    // As docker runs it: the wrapper (found through PATHEXT), the verb, the server on stdin.
    const helper = (verb: string, stdin = '') => host.run(wrapper, [verb], { stdin, env: { NODE_OPTIONS: BUNDLE_NODE_OPTIONS } });
    const answer = (token: string) => `${JSON.stringify({ ServerURL: 'cgr.dev', Username: '_token', Secret: token })}\n`;

    expect(await helper('get', 'https://cgr.dev\n')).toEqual({ code: 0, stdout: answer(h.emulators.sts.issued[0]), stderr: '' });
    expect(await helper('list')).toEqual({ code: 0, stdout: `${JSON.stringify({ 'cgr.dev': '_token' })}\n`, stderr: '' });
    const other = JSON.stringify({ ServerURL: 'cgr.dev', Username: 'someone', Secret: 'else' });
    expect(await helper('store', other)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await helper('erase', 'cgr.dev\n')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await helper('get', 'cgr.dev')).toEqual({ code: 0, stdout: answer(h.emulators.sts.issued[0]), stderr: '' });
    expect(h.emulators.sts.issued).toHaveLength(1);

    // An hour-long token obtained 56 minutes ago: the next get refreshes through IMDS and the STS.
    const expiresAt = new Date(Date.now() + 4 * 60_000);
    const stale = makeJwt({ label: 'stale', exp: Math.floor(expiresAt.getTime() / 1000) });
    writeCached(path.dirname(local(bin)), 'cgr.dev', { username: '_token', secret: stale, expiresAt }, Date.now() - 56 * 60_000);
    expect(await helper('get', 'cgr.dev')).toEqual({ code: 0, stdout: answer(h.emulators.sts.issued[1]), stderr: '' });
    expect(h.emulators.imds.requests).toHaveLength(2);

    const post = await h.azurePost(job, main);
    expect(post.result).toBe('Succeeded');
    expect(existsSync(local(bin))).toBe(false);
  });
});
