/**
 * Files that are not what they seem: a seed or explicit config.json that is a FIFO is refused
 * at once instead of blocking the step (the timeout input cannot interrupt a blocked read), and
 * an explicit config.json that is a symbolic link is written through to its target, keeping the
 * target's mode, as is an existing regular config.json. Run through the built GitHub bundles.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Job } from '../../emulators/runners.mjs';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { fifo } from '../helpers/fifo.js';

const h = useBundleHarness();
let job: Job;
beforeEach(() => {
  job = h.githubJob();
});

describe('FIFOs', () => {
  it('skips a seed config.json that is a FIFO, with a warning, instead of blocking', async () => {
    const { stop } = fifo(
      path.join(job.home, '.docker', 'config.json'),
      JSON.stringify({ auths: { 'fifo.example.test': { auth: 'eDp5' } } }),
      3_000
    );
    try {
      const main = await h.githubMain(job, h.githubInputs());
      expect(main.code).toBe(0);
      expect(main.stdout).toMatch(/::warning::Not copying existing credentials: .*config\.json is not a regular file/);
      const config = JSON.parse(readFileSync(path.join(main.outputs['docker-config'], 'config.json'), 'utf8'));
      expect(Object.keys(config.auths)).toEqual(['cgr.dev']);
    } finally {
      stop();
    }
  }, 20_000);

  it('skips a REGISTRY_AUTH_FILE that is a FIFO', async () => {
    const authFile = path.join(job.dir, 'containers', 'auth.json');
    const { stop } = fifo(authFile, JSON.stringify({ auths: { 'fifo.example.test': { auth: 'eDp5' } } }), 3_000);
    try {
      const main = await h.githubMain(job, h.githubInputs(), { REGISTRY_AUTH_FILE: authFile });
      expect(main.code).toBe(0);
      expect(main.stdout).toMatch(/::warning::Not copying existing credentials: .*auth\.json is not a regular file/);
      const auth = JSON.parse(readFileSync(main.exported.REGISTRY_AUTH_FILE, 'utf8'));
      expect(Object.keys(auth.auths)).toEqual(['cgr.dev']);
    } finally {
      stop();
    }
  }, 20_000);

  it('refuses an explicit config.json that is a FIFO, naming docker-config, and writes nothing', async () => {
    const dir = path.join(job.dir, 'shared-docker');
    const { stop } = fifo(path.join(dir, 'config.json'), '{}', 3_000);
    try {
      const main = await h.githubMain(job, h.githubInputs({ 'docker-config': dir }));
      expect(main.code).toBe(1);
      expect(main.stdout).toMatch(
        /::error::Could not write the docker config in .* \(docker-config\): .*config\.json is not a regular file/
      );
      expect(readdirSync(dir)).toEqual(['config.json']);
      expect(lstatSync(path.join(dir, 'config.json')).isFIFO()).toBe(true);
      expect(readdirSync(job.temp)).toEqual([]);
    } finally {
      stop();
    }
  }, 20_000);
});

describe('an explicit config.json that is a symbolic link', () => {
  it("is written through to its target, keeping the link and the target's mode, and restored", async () => {
    const real = path.join(job.dir, 'real');
    const dir = path.join(job.dir, 'shared-docker');
    mkdirSync(real);
    mkdirSync(dir);
    const before = { auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } } };
    writeFileSync(path.join(real, 'config.json'), JSON.stringify(before));
    chmodSync(path.join(real, 'config.json'), 0o640);
    symlinkSync('../real/config.json', path.join(dir, 'config.json'));

    const main = await h.githubMain(job, h.githubInputs({ 'docker-config': dir }));
    expect(main.code).toBe(0);
    expect(lstatSync(path.join(dir, 'config.json')).isSymbolicLink()).toBe(true);
    expect(statSync(path.join(real, 'config.json')).mode & 0o777).toBe(0o640);
    const config = JSON.parse(readFileSync(path.join(real, 'config.json'), 'utf8'));
    expect(config.auths['cgr.dev']).toEqual({ auth: basicAuth('_token', main.outputs.token) });

    const post = await h.githubPost(job, main);
    expect(post.code).toBe(0);
    expect(post.stdout).not.toMatch(/::warning::/);
    expect(lstatSync(path.join(dir, 'config.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(real, 'config.json'), 'utf8'))).toEqual(before);
    expect(statSync(path.join(real, 'config.json')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['config.json']);
    expect(readdirSync(real)).toEqual(['config.json']);
  });

  it('keeps the mode of an existing regular config.json', async () => {
    const dir = path.join(job.dir, 'shared-docker');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'config.json'), '{}');
    chmodSync(path.join(dir, 'config.json'), 0o644);
    const main = await h.githubMain(job, h.githubInputs({ 'docker-config': dir }));
    expect(main.code).toBe(0);
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o644);
    const post = await h.githubPost(job, main);
    expect(post.code).toBe(0);
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o644);
  });
});
