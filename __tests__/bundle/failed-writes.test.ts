/**
 * A failure after the login was merged into an explicit docker-config leaves nothing behind:
 * the post step's state is saved before the merge, any later failure undoes it, and a failed
 * write never leaves its temporary file (which would hold the auth value). Run through the
 * built GitHub bundle, with the runner's files made unwritable or the file size limited.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Job } from '../../emulators/runners.mjs';
import { useBundleHarness } from '../helpers/bundles.js';
import { spawnGithubMain } from '../helpers/spawn.js';

const h = useBundleHarness();
const ORIGINAL = JSON.stringify({ auths: { 'cgr.dev': { auth: 'dXNlcjpvcmlnaW5hbA==' } } });

let job: Job;
let shared: string;
beforeEach(() => {
  job = h.githubJob();
  shared = path.join(job.dir, 'shared-docker');
  mkdirSync(shared);
  writeFileSync(path.join(shared, 'config.json'), ORIGINAL);
});

/** The explicit directory holds exactly the original file, and the job left nothing in its temp. */
function expectUntouched(): void {
  expect(readdirSync(shared)).toEqual(['config.json']);
  expect(JSON.parse(readFileSync(path.join(shared, 'config.json'), 'utf8'))).toEqual(JSON.parse(ORIGINAL));
  expect(readdirSync(job.temp)).toEqual([]);
}

describe('a failure after the merge leaves the explicit docker-config as it was', () => {
  it("when the post step's state cannot be saved", async () => {
    const unwritable = path.join(job.dir, 'state-is-a-directory');
    mkdirSync(unwritable);
    const main = await h.githubMain(job, h.githubInputs({ 'docker-config': shared }), { GITHUB_STATE: unwritable });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/^::error::.*state/m);
    expectUntouched();
  });

  it.each(['GITHUB_OUTPUT', 'GITHUB_ENV'])('when %s cannot be written after the merge', async (variable) => {
    const unwritable = path.join(job.dir, 'a-directory');
    mkdirSync(unwritable);
    const main = await h.githubMain(job, h.githubInputs({ 'docker-config': shared }), { [variable]: unwritable });
    expect(main.code).toBe(1);
    expect(main.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toHaveLength(1);
    expectUntouched();
  });

  it('when writing config.json fails after its temporary file was created (file size limit)', async () => {
    // A large existing config: rewriting it exceeds a 16 KiB file size limit, the job's other
    // (small) files do not.
    const big = {
      auths: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`registry-${i}.example.test`, { auth: 'dXNlcjpvcmlnaW5hbA==' }]))
    };
    const original = JSON.stringify(big);
    writeFileSync(path.join(shared, 'config.json'), original);
    const step = spawnGithubMain(job, h.githubInputs({ 'docker-config': shared }), h.env(), ['prlimit', '--fsize=16384']);
    const main = await step.done;
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/^::error::Could not write the docker config in .*EFBIG/m);
    expect(readdirSync(shared)).toEqual(['config.json']);
    expect(readFileSync(path.join(shared, 'config.json'), 'utf8')).toBe(original);
    expect(readdirSync(job.temp)).toEqual([]);
  });
});
