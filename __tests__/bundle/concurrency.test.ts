/**
 * Several runners or agents on one VM share a home directory: twenty concurrent runs of the
 * built bundle merge into one explicit docker-config, each for its own registry, and their
 * post steps remove them again — no lost update, no torn file, nothing left over.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { useBundleHarness } from '../helpers/bundles.js';

const RUNS = 20;
const h = useBundleHarness();

it(`keeps all ${RUNS} logins when ${RUNS} jobs merge into one docker config at once`, async () => {
  const shared = path.join(h.dir, 'shared-home', '.docker');
  mkdirSync(shared, { recursive: true });
  const jobs = Array.from({ length: RUNS }, (_, i) => h.githubJob(`runner-${i}`));
  const registries = jobs.map((_, i) => `registry-${i}.example.test`);

  const mains = await Promise.all(
    jobs.map((job, i) => h.githubMain(job, h.githubInputs({ registry: registries[i], 'docker-config': shared })))
  );
  expect(mains.map((m) => m.code)).toEqual(Array(RUNS).fill(0));
  const config = JSON.parse(readFileSync(path.join(shared, 'config.json'), 'utf8'));
  expect(Object.keys(config.auths).sort()).toEqual([...registries].sort());
  mains.forEach((main, i) => expect(config.auths[registries[i]].auth).toBe(basicAuth('_token', main.outputs.token)));
  // Beside it, the record of the jobs logged in through it.
  expect(readdirSync(shared).sort()).toEqual(['config.json', 'config.json.chainguard-login.json']);

  const posts = await Promise.all(jobs.map((job, i) => h.githubPost(job, mains[i])));
  expect(posts.map((p) => p.code)).toEqual(Array(RUNS).fill(0));
  expect(JSON.parse(readFileSync(path.join(shared, 'config.json'), 'utf8'))).toEqual({ auths: {} });
  expect(readdirSync(shared)).toEqual(['config.json']);
}, 120_000);
