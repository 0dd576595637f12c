/**
 * Several jobs logging in to the same registry through one explicit `docker-config`, their
 * post steps interleaved in any order: the user's original entry comes back only when the last
 * job leaves, a job never puts back another job's token, and a credsStore override stays while
 * any job still runs. Run through the built GitHub bundles.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GithubStepResult, Job } from '../../emulators/runners.mjs';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();
const ORIGINAL = { auths: { 'cgr.dev': { auth: 'dXNlcjpvcmlnaW5hbA==' }, 'ghcr.io': { auth: 'Z2g6cHc=' } } };

let shared: string;
let file: string;
let record: string;
beforeEach(() => {
  shared = path.join(h.dir, 'shared-home', '.docker');
  mkdirSync(shared, { recursive: true });
  file = path.join(shared, 'config.json');
  record = `${file}.chainguard-login.json`;
});

const read = () => JSON.parse(readFileSync(file, 'utf8'));
const entry = (main: GithubStepResult) => ({ auth: basicAuth('_token', main.outputs.token) });

async function login(name: string): Promise<{ job: Job; main: GithubStepResult }> {
  const job = h.githubJob(name);
  const main = await h.githubMain(job, h.githubInputs({ 'docker-config': shared }));
  expect(main.code).toBe(0);
  return { job, main };
}

async function logout(session: { job: Job; main: GithubStepResult }): Promise<void> {
  const post = await h.githubPost(session.job, session.main);
  expect(post.code).toBe(0);
  expect(post.stdout).not.toMatch(/::warning::/);
}

describe('one explicit docker-config shared by interleaved jobs', () => {
  it("A in, B in, A out, B out: the original entry comes back, not A's stale token", async () => {
    writeFileSync(file, JSON.stringify(ORIGINAL));
    const a = await login('a');
    const b = await login('b');
    expect(read().auths['cgr.dev']).toEqual(entry(b.main));
    expect(statSync(record).mode & 0o777).toBe(0o600);

    await logout(a);
    expect(read().auths['cgr.dev']).toEqual(entry(b.main));
    await logout(b);
    expect(read()).toEqual(ORIGINAL);
    expect(existsSync(record)).toBe(false);
  });

  it('A in, B in, B out, A out: the original entry comes back, and A keeps a working login meanwhile', async () => {
    writeFileSync(file, JSON.stringify(ORIGINAL));
    const a = await login('a');
    const b = await login('b');
    await logout(b);
    // A still runs: the registry keeps a current login (B's token is valid for its hour).
    expect(read().auths['cgr.dev']).not.toEqual(ORIGINAL.auths['cgr.dev']);
    await logout(a);
    expect(read()).toEqual(ORIGINAL);
    expect(existsSync(record)).toBe(false);
  });

  it('keeps the credsStore override while any job still runs', async () => {
    const original = { credsStore: 'desktop', auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } } };
    writeFileSync(file, JSON.stringify(original));
    const a = await login('a');
    const b = await login('b');
    await logout(a);
    expect(read()).toMatchObject({ credsStore: 'desktop', credHelpers: { 'cgr.dev': '' }, auths: { 'cgr.dev': entry(b.main) } });
    await logout(b);
    expect(read()).toEqual(original);
  });

  it('leaves an entry the user wrote while the jobs ran', async () => {
    writeFileSync(file, JSON.stringify(ORIGINAL));
    const a = await login('a');
    const b = await login('b');
    const mine = { auths: { ...read().auths, 'cgr.dev': { auth: 'dXNlcjpuZXdlcg==' } } };
    writeFileSync(file, JSON.stringify(mine));
    await logout(a);
    await logout(b);
    expect(read().auths['cgr.dev']).toEqual({ auth: 'dXNlcjpuZXdlcg==' });
    expect(existsSync(record)).toBe(false);
  });

  it("puts back a credential the user wrote between two jobs' logins", async () => {
    writeFileSync(file, JSON.stringify(ORIGINAL));
    const a = await login('a');
    writeFileSync(file, JSON.stringify({ auths: { ...read().auths, 'cgr.dev': { auth: 'dXNlcjpuZXdlcg==' } } }));
    const b = await login('b');
    await logout(a);
    await logout(b);
    expect(read()).toEqual({ auths: { ...ORIGINAL.auths, 'cgr.dev': { auth: 'dXNlcjpuZXdlcg==' } } });
  });

  it('forgets a job that died before its post step once the runner has removed its directory', async () => {
    writeFileSync(file, JSON.stringify(ORIGINAL));
    const dead = await login('dead');
    // The job was killed; the runner emptied its temp directory.
    rmSync(JSON.parse(dead.main.state.chainguardLoginState).jobDir, { recursive: true, force: true });
    const b = await login('b');
    await logout(b);
    expect(read()).toEqual(ORIGINAL);
    expect(existsSync(record)).toBe(false);
  });
});

describe('odd registry names and forged records', () => {
  const stateOf = (main: GithubStepResult) => JSON.parse(main.state.chainguardLoginState) as { jobDir: string; marker: string };

  it.each(['toString', 'constructor', 'hasOwnProperty'])(
    'logs in and out as registry %s, with the record rewritten meanwhile',
    async (registry) => {
      writeFileSync(file, JSON.stringify(ORIGINAL));
      const job = h.githubJob();
      const main = await h.githubMain(job, h.githubInputs({ 'docker-config': shared, registry }));
      expect(main.code).toBe(0);
      expect(read().auths[registry]).toEqual(entry(main));
      // Someone else's tooling rewrote the record: it no longer knows this job.
      writeFileSync(record, JSON.stringify({ version: 1, registries: {} }));
      const post = await h.githubPost(job, main);
      expect(post.stdout).not.toMatch(/::warning::/);
      expect(post.code).toBe(0);
      expect(existsSync(stateOf(main).jobDir)).toBe(false);
    }
  );

  it('never throws in the post step on a forged record (__proto__, toString, constructor entries of odd shapes), and deletes the job directory', async () => {
    writeFileSync(file, JSON.stringify(ORIGINAL));
    const job = h.githubJob();
    const main = await h.githubMain(job, h.githubInputs({ 'docker-config': shared }));
    expect(main.code).toBe(0);
    const { jobDir, marker } = stateOf(main);
    const genuine = JSON.parse(readFileSync(record, 'utf8'));
    const host = Object.values(genuine.registries['cgr.dev'].jobs as Record<string, { host: string }>)[0].host;
    // Written as text: a JSON object literal in the test would turn "__proto__" into a prototype.
    const forged =
      `{"version":1,"registries":{"__proto__":{"written":[],"jobs":{"${marker}":{"dir":"${jobDir}","host":"${host}"}}},` +
      `"toString":{"written":[],"jobs":{"__proto__":{"dir":"/nonexistent/gone","host":"${host}"}},"helpers":"x"},` +
      `"constructor":{"written":"x","jobs":[]},"hasOwnProperty":null,` +
      `"cgr.dev":{"written":[],"jobs":{"constructor":{"dir":"/nonexistent/gone","host":"${host}"},"${marker}":{"dir":"${jobDir}","host":"${host}"}}}}}`;
    writeFileSync(record, forged);
    const post = await h.githubPost(job, main);
    expect(post.stdout).not.toMatch(/::warning::/);
    expect(post.code).toBe(0);
    expect(existsSync(jobDir)).toBe(false);
  });
});
