/**
 * End to end with real clients: the built bundles log in to a real registry (CNCF
 * distribution, htpasswd auth whose password is the token the STS emulator issues), and the
 * real docker CLI and skopeo then read an image using only what the step wrote — for a runner
 * with no docker config, one with other logins, one whose config names a credsStore, and an
 * explicit docker-config. The runner's other logins keep working; after the post step our
 * registry is unreadable again.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeJwt } from '../../emulators/index.mjs';
import type { Job } from '../../emulators/runners.mjs';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { camelCase } from '../../src/core/platform.js';
import { dockerCanRead, skopeoCanRead, startRegistry, type ClientEnv, type Registry } from './registry.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { tempDir } from '../helpers/temp.js';

const TOKEN = makeJwt({ iss: 'https://issuer.example.test', sub: 'e2e', aud: 'registry', exp: Math.floor(Date.now() / 1000) + 3600 });
const h = useBundleHarness(() => ({ mintToken: () => TOKEN }));

let ours: Registry;
let theirs: Registry;
beforeAll(async () => {
  const dir = tempDir('cgl-registries-');
  [ours, theirs] = await Promise.all([
    startRegistry(path.join(dir, 'ours'), '_token', TOKEN),
    startRegistry(path.join(dir, 'theirs'), 'octo', 'octo-pass')
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([ours?.stop(), theirs?.stop()]);
});

interface Reads {
  dockerOurs: boolean;
  skopeoOurs: boolean;
  dockerTheirs: boolean;
  skopeoTheirs: boolean;
}

async function reads(env: ClientEnv): Promise<Reads> {
  const [dockerOurs, skopeoOurs, dockerTheirs, skopeoTheirs] = await Promise.all([
    dockerCanRead(env, ours.image),
    skopeoCanRead(env, ours.image),
    dockerCanRead(env, theirs.image),
    skopeoCanRead(env, theirs.image)
  ]);
  return { dockerOurs, skopeoOurs, dockerTheirs, skopeoTheirs };
}

interface StepRun {
  succeeded: boolean;
  exported: Record<string, string>;
  post(): Promise<boolean>;
}

const platforms: Record<
  'github' | 'azure',
  { job: (name: string) => Job; login: (job: Job, inputs: Record<string, string>) => Promise<StepRun> }
> = {
  github: {
    job: (name) => h.githubJob(name),
    login: async (job, inputs) => {
      const main = await h.githubMain(job, h.githubInputs(inputs));
      return { succeeded: main.code === 0, exported: main.exported, post: async () => (await h.githubPost(job, main)).code === 0 };
    }
  },
  azure: {
    job: (name) => h.azureJob(name),
    login: async (job, inputs) => {
      const camel = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [camelCase(k), v]));
      const main = await h.azureMain(job, h.azureInputs(camel));
      return {
        succeeded: main.result === 'Succeeded',
        exported: main.variables,
        post: async () => (await h.azurePost(job, main)).result === 'Succeeded'
      };
    }
  }
};

/** A helper for `credsStore` that knows the runner's other registry and nothing of ours. */
function installCredentialStore(job: Job): void {
  const bin = path.join(job.dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const script = path.join(bin, 'docker-credential-runnerstore');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      'case "$1" in',
      `  get) read host; if [ "$host" = "${theirs.host}" ]; then echo '{"ServerURL":"${theirs.host}","Username":"octo","Secret":"octo-pass"}'; else echo "credentials not found in native keychain"; exit 1; fi ;;`,
      `  list) echo '{"${theirs.host}":"octo"}' ;;`,
      '  *) cat >/dev/null; exit 0 ;;',
      'esac',
      ''
    ].join('\n')
  );
  chmodSync(script, 0o755);
}

type Situation =
  'no docker config' | 'other logins in auths' | 'a credsStore that knows nothing of our registry' | 'an explicit docker-config';

async function prepare(job: Job, situation: Situation): Promise<Record<string, string>> {
  const userDir = path.join(job.home, '.docker');
  const theirsAuth = { auths: { [theirs.host]: { auth: basicAuth('octo', 'octo-pass') } } };
  switch (situation) {
    case 'no docker config':
      return {};
    case 'other logins in auths':
      mkdirSync(userDir);
      writeFileSync(path.join(userDir, 'config.json'), JSON.stringify(theirsAuth));
      return {};
    case 'a credsStore that knows nothing of our registry':
      installCredentialStore(job);
      mkdirSync(userDir);
      writeFileSync(path.join(userDir, 'config.json'), JSON.stringify({ credsStore: 'runnerstore' }));
      return {};
    case 'an explicit docker-config':
      mkdirSync(userDir);
      writeFileSync(path.join(userDir, 'config.json'), JSON.stringify(theirsAuth));
      return { 'docker-config': userDir };
  }
}

const situations: Situation[] = [
  'no docker config',
  'other logins in auths',
  'a credsStore that knows nothing of our registry',
  'an explicit docker-config'
];

describe.each(['github', 'azure'] as const)('real docker CLI and skopeo after the %s bundle', (platformName) => {
  it.each(situations)('with %s', async (situation) => {
    const platform = platforms[platformName];
    const job = platform.job('job');
    const extraInputs = await prepare(job, situation);
    const runnerEnv: ClientEnv = { HOME: job.home, PATH: `${path.join(job.dir, 'bin')}:${process.env.PATH}` };
    const userConfig = path.join(job.home, '.docker', 'config.json');
    const configBefore = situation === 'no docker config' ? '' : readFileSync(userConfig, 'utf8');

    const before = await reads(runnerEnv);
    expect(before).toMatchObject({ dockerOurs: false, skopeoOurs: false });
    if (situation !== 'no docker config') expect(before.dockerTheirs).toBe(true);

    const step = await platform.login(job, { registry: ours.host, ...extraInputs });
    expect(step.succeeded).toBe(true);
    const jobEnv: ClientEnv = {
      ...runnerEnv,
      DOCKER_CONFIG: step.exported.DOCKER_CONFIG,
      REGISTRY_AUTH_FILE: step.exported.REGISTRY_AUTH_FILE
    };
    expect(await reads(jobEnv)).toEqual({
      dockerOurs: true,
      skopeoOurs: true,
      dockerTheirs: before.dockerTheirs,
      skopeoTheirs: before.skopeoTheirs
    });

    expect(await step.post()).toBe(true);
    expect(await reads(jobEnv)).toMatchObject({ dockerOurs: false, skopeoOurs: false });
    expect(await reads(runnerEnv)).toEqual(before);
    if (configBefore) expect(JSON.parse(readFileSync(userConfig, 'utf8'))).toEqual(JSON.parse(configBefore));
  });
});
