/**
 * The post step trusts nothing it reads: a forged saved state (an earlier step can set
 * STATE_… through GITHUB_ENV) cannot make it delete a directory or rewrite a file it did not
 * create. It accepts only a job directory directly under the runner's temp directory, owned by
 * this user, mode 0700, holding the random marker the state carries; and it never reads a
 * restore record from the job directory. Run through the built GitHub bundles.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GithubStepResult, Job } from '../../emulators/runners.mjs';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();
const STATE = 'chainguardLoginState';

let job: Job;
let main: GithubStepResult;
beforeEach(async () => {
  job = h.githubJob();
  main = await h.githubMain(job, h.githubInputs());
  expect(main.code).toBe(0);
});

/** The real state with its job directory replaced. */
function forged(jobDir: string): string {
  return JSON.stringify({ ...JSON.parse(main.state[STATE]), jobDir });
}

/** A directory that looks like a job directory, with a file in it. */
function lookalike(parent: string, name = 'chainguard-login-AbC123'): string {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dir, 'precious.txt'), 'keep me');
  return dir;
}

async function postWith(state: string) {
  const post = await h.githubPost(job, main, { [`STATE_${STATE}`]: state });
  expect(post.code).toBe(0);
  return post;
}

describe('the post step refuses a forged state', () => {
  it("naming a job-like directory outside the runner's temp directory", async () => {
    const victim = lookalike(path.join(job.dir, 'elsewhere'));
    const post = await postWith(forged(victim));
    expect(post.stdout).toMatch(/::warning::Could not remove the registry login: Refusing to clean up/);
    expect(readFileSync(path.join(victim, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('naming a directory in the temp directory that this step did not create (no marker)', async () => {
    const victim = lookalike(job.temp);
    const post = await postWith(forged(victim));
    expect(post.stdout).toMatch(/::warning::.*Refusing to clean up/);
    expect(existsSync(path.join(victim, 'precious.txt'))).toBe(true);
  });

  it('naming a directory in the temp directory with a copied marker but the wrong mode', async () => {
    const real = JSON.parse(main.state[STATE]).jobDir as string;
    const victim = lookalike(job.temp);
    for (const name of readdirSync(real))
      if (name.startsWith('.')) writeFileSync(path.join(victim, name), readFileSync(path.join(real, name)));
    chmodSync(victim, 0o755);
    const post = await postWith(forged(victim));
    expect(post.stdout).toMatch(/::warning::.*Refusing to clean up/);
    expect(existsSync(path.join(victim, 'precious.txt'))).toBe(true);
  });

  it('naming a symbolic link in the temp directory to a directory elsewhere', async () => {
    const target = lookalike(path.join(job.dir, 'elsewhere'));
    const link = path.join(job.temp, 'chainguard-login-LiNk12');
    symlinkSync(target, link);
    const post = await postWith(forged(link));
    expect(post.stdout).toMatch(/::warning::.*Refusing to clean up/);
    expect(existsSync(path.join(target, 'precious.txt'))).toBe(true);
  });

  it('ignores a restore record planted in its own job directory', async () => {
    const victim = path.join(job.dir, 'victim.json');
    const content = JSON.stringify({ settings: { keep: true } });
    writeFileSync(victim, content);
    const jobDir = JSON.parse(main.state[STATE]).jobDir as string;
    const record = {
      file: victim,
      registry: 'evil.example.test',
      kind: 'containers',
      helperChanged: true,
      previousHelper: 'evil',
      hadHelpers: false,
      authDigest: 'x'
    };
    writeFileSync(path.join(jobDir, 'restore.json'), JSON.stringify({ records: [record] }));
    const post = await h.githubPost(job, main);
    expect(post.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe(content);
    expect(existsSync(jobDir)).toBe(false);
  });

  it('still removes its own job directory', async () => {
    const jobDir = JSON.parse(main.state[STATE]).jobDir as string;
    const post = await h.githubPost(job, main);
    expect(post.stdout).not.toMatch(/::warning::/);
    expect(existsSync(jobDir)).toBe(false);
  });
});
