/**
 * End to end through the built bundles: the step logs in through its refreshing credential
 * helper (the default), and the real docker CLI, skopeo, podman and buildah pull from a real
 * registry (Debian's docker-registry) behind a loopback gate that accepts only unexpired tokens
 * the STS emulator issued, with tokens living a few seconds. Each client keeps pulling after the
 * first token expired; eight concurrent pulls after expiry cause one exchange (two at most);
 * skopeo pulls with DOCKER_CONFIG alone while the runner's config names a credsStore; the
 * runner's other logins survive; after the post step nothing pulls. Also: ACR login servers
 * through both bundles (helper and static), the API token, a docker config shared by two jobs,
 * and the refusal of ACR with a non-Azure source.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACR_USERNAME, startAcr } from '../../emulators/acr.mjs';
import { IDENTITY_APP_SERVICE, IDENTITY_AZURE_DEVOPS, IDENTITY_GITHUB, makeJwt, readJwt, TENANT } from '../../emulators/index.mjs';
import { startRegistryGate, stsTokens } from '../../emulators/registry-gate.mjs';
import { helperGet, helperNameIn, runProgram } from '../helpers/helper-process.js';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import {
  CLIENTS,
  clientProblems,
  describePull,
  installRunnerStore,
  pull,
  type Client,
  type ClientEnv,
  type PullResult
} from './clients.js';
import { startRegistry, type Registry } from './registry.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { waitUntilExpired } from '../helpers/clock.js';
import { tempDir } from '../helpers/temp.js';

/**
 * How long the STS emulator's tokens live, in seconds. The helper reuses a token while more than
 * half its lifetime is left (five minutes for the real hour-long ones), with no setting for tests.
 */
const LIFETIME = 10;
const UPSTREAM = { username: 'upstream', password: 'upstream-secret' };
/** The ACR emulator and Azure DevOps' OIDC emulator listen on loopback: accepted only under the test-only setting. */
const TEST_LOOPBACK = { CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1' };
const OTHER = { 'ghcr.io': { auth: basicAuth('someone', 'their-own-password') } };

const problems = await clientProblems();
const available = CLIENTS.filter((client) => !problems[client]);

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry(path.join(tempDir('cgl-login-registry-'), 'registry'), UPSTREAM.username, UPSTREAM.password);
}, 60_000);
afterAll(async () => {
  await registry?.stop();
});

/** How long the STS emulator's tokens live in the current test (a describe block may change it). */
let lifetime = LIFETIME;
const h = useBundleHarness(() => ({ stsTokenLifetimeSeconds: lifetime }));

/** The runner's own docker config: a credsStore and another registry's login. */
function writeRunnerConfig(home: string): string {
  const dir = path.join(home, '.docker');
  mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify({ credsStore: 'runnerstore', auths: OTHER }, null, 2)}\n`;
  writeFileSync(path.join(dir, 'config.json'), text);
  return text;
}

const failures = (results: PullResult[]): string[] => results.filter((r) => !r.ok).map(describePull);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('login through the credential helper (GitHub Action bundle)', () => {
  const test = available.length > 0 ? it : it.skip;
  test(`keeps ${available.join(', ')} pulling past the token's lifetime, refreshes once for eight concurrent pulls, and nothing pulls after the post step`, async () => {
    const { sts } = h.emulators;
    const gate = await startRegistryGate({ upstream: `http://${registry.host}`, upstreamCredentials: UPSTREAM, accept: stsTokens(sts) });
    try {
      const job = h.githubJob();
      const runnerConfig = writeRunnerConfig(job.home);
      const main = await h.githubMain(job, h.githubInputs({ registry: gate.host, 'credential-helper': 'true' }));
      expect(main.code).toBe(0);
      expect(main.stdout).not.toMatch(/::warning::/);
      expect(sts.issued).toHaveLength(1);

      // The helper is on PATH, inside the job directory; the config names it for the registry and keeps the rest.
      expect(main.paths).toHaveLength(1);
      const bin = main.paths[0];
      const dockerConfig = main.exported.DOCKER_CONFIG;
      expect(path.dirname(path.dirname(bin))).toBe(dockerConfig);
      expect(path.dirname(dockerConfig)).toBe(job.temp);
      const config = readJson(path.join(dockerConfig, 'config.json'));
      const name = config.credHelpers[gate.host] as string;
      expect(name).toMatch(/^chainguard-[a-z0-9]{6}$/);
      expect(existsSync(path.join(bin, `docker-credential-${name}`))).toBe(true);
      expect(config).toEqual({ credsStore: 'runnerstore', auths: OTHER, credHelpers: { [gate.host]: name } });
      expect(readJson(main.exported.REGISTRY_AUTH_FILE)).toEqual({ credHelpers: { [gate.host]: name } });

      const store = installRunnerStore(job.dir);
      const base: ClientEnv = { HOME: job.home, PATH: `${bin}:${store}:${process.env.PATH}`, DOCKER_CONFIG: dockerConfig };
      // skopeo and docker with DOCKER_CONFIG alone; podman and buildah also with the exported REGISTRY_AUTH_FILE.
      const envFor = (client: Client): ClientEnv =>
        client === 'podman' || client === 'buildah' ? { ...base, REGISTRY_AUTH_FILE: main.exported.REGISTRY_AUTH_FILE } : base;
      const image = `${gate.host}/e2e/hello:latest`;
      const pullAll = (clients: readonly Client[]) => Promise.all(clients.map((client) => pull(client, image, envFor(client))));

      // The cache was seeded with the step's token: the first pulls need no exchange.
      expect(failures(await pullAll(available))).toEqual([]);
      expect(sts.issued).toHaveLength(1);

      // After expiry, each client in turn gets a fresh token through the helper.
      await waitUntilExpired(sts.issued[0]);
      for (const client of available) expect(failures([await pull(client, image, envFor(client))])).toEqual([]);
      expect(sts.issued.length).toBeGreaterThanOrEqual(2);

      // Eight at once after expiry: one exchange, two at most.
      await waitUntilExpired(sts.issued[sts.issued.length - 1]);
      const before = sts.issued.length;
      const eight = Array.from({ length: 8 }, (_, i) => available[i % available.length]);
      expect(failures(await pullAll(eight))).toEqual([]);
      expect(sts.issued.length - before).toBeGreaterThanOrEqual(1);
      expect(sts.issued.length - before).toBeLessThanOrEqual(2);
      expect(gate.requests.filter((r) => r.verdict === 'expired' || r.verdict === 'unknown' || r.verdict === 'wrong-user')).toEqual([]);

      const post = await h.githubPost(job, main);
      expect(post.code).toBe(0);
      expect(existsSync(dockerConfig)).toBe(false);
      expect(readFileSync(path.join(job.home, '.docker', 'config.json'), 'utf8')).toBe(runnerConfig);
      const removedAt = Date.now();
      const after = await pullAll(available);
      expect(after.filter((r) => r.ok).map(describePull)).toEqual([]);
      expect(gate.requests.filter((r) => r.at >= removedAt && r.status !== 401)).toEqual([]);
    } finally {
      await gate.close();
    }
  }, 120_000);
});

describe('login through the credential helper with ACR and the API token', () => {
  it('Azure task: logs in to the Chainguard registry and an ACR login server through the helper, sets the secret apiToken, and cleans up', async () => {
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
    try {
      const job = h.azureJob();
      const main = await h.azureMain(
        job,
        h.azureInputs({ credentialHelper: 'true', acrRegistries: `${acr.host}\n`, apiToken: 'true' }),
        TEST_LOOPBACK
      );
      expect(main.result).toBe('Succeeded');
      h.extraTokens.push(...acr.issued);
      expect(acr.issued).toHaveLength(1);

      const apiToken = main.outputs.apiToken;
      expect(apiToken.secret).toBe(true);
      expect(readJwt(apiToken.value)).toMatchObject({ aud: 'https://console-api.enforce.dev' });
      expect(main.commands.some((c) => c.command === 'task.setsecret' && c.message === apiToken.value)).toBe(true);
      expect(main.commands.some((c) => c.command === 'task.setsecret' && c.message === acr.issued[0])).toBe(true);

      const bin = main.commands.find((c) => c.command === 'task.prependpath')?.message ?? '';
      const dockerConfig = main.variables.DOCKER_CONFIG;
      const config = readJson(path.join(dockerConfig, 'config.json'));
      const name = config.credHelpers['cgr.dev'];
      expect(config.credHelpers).toEqual({ 'cgr.dev': name, [acr.host]: name });
      expect(config.auths).toBeUndefined();

      // The seeded cache answers both hosts without a request; the ACR credential is the registry's.
      const requests = h.emulators.imds.requests.length;
      const fromAcr = await helperGet(bin, name, `https://${acr.host}`);
      expect(fromAcr.answer).toEqual({ ServerURL: acr.host, Username: ACR_USERNAME, Secret: acr.issued[0] });
      expect(acr.accepts(fromAcr.answer!.Username, fromAcr.answer!.Secret)).toBe(true);
      const fromChainguard = await helperGet(bin, name, 'cgr.dev');
      expect(fromChainguard.answer).toMatchObject({ ServerURL: 'cgr.dev', Username: '_token', Secret: main.outputs.token.value });
      expect(h.emulators.imds.requests.length).toBe(requests);

      const post = await h.azurePost(job, main);
      expect(post.result).toBe('Succeeded');
      expect(existsSync(dockerConfig)).toBe(false);
      expect(existsSync(path.join(bin, `docker-credential-${name}`))).toBe(false);
    } finally {
      await acr.close();
    }
  });

  it('the helper refreshes an ACR credential from the same Azure source when it is due', async () => {
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT, refreshLifetimeSeconds: 3 });
    try {
      const job = h.githubJob();
      const main = await h.githubMain(job, h.githubInputs({ 'credential-helper': 'true', 'acr-registries': acr.host }), TEST_LOOPBACK);
      expect(main.code).toBe(0);
      const name = helperNameIn(main.exported.DOCKER_CONFIG, acr.host);
      // The refresh token lives 3 s: once less than half of that is left, the next get refreshes.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const fresh = await helperGet(main.paths[0], name, acr.host, { HOME: job.home });
      h.extraTokens.push(...acr.issued);
      expect(fresh.stderr).toBe('');
      expect(acr.issued).toHaveLength(2);
      expect(fresh.answer).toEqual({ ServerURL: acr.host, Username: ACR_USERNAME, Secret: acr.issued[1] });
      const resources = h.emulators.imds.requests.map((r) => r.url.searchParams.get('resource'));
      expect(resources.filter((r) => r === 'https://containerregistry.azure.net')).toHaveLength(2);
      expect(await h.githubPost(job, main)).toMatchObject({ code: 0 });
    } finally {
      await acr.close();
    }
  });

  it('GitHub Action with credential-helper false: static auths for ACR (null-GUID user) and the registry, and the api-token output', async () => {
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
    try {
      const job = h.githubJob();
      const main = await h.githubMain(job, h.githubInputs({ 'acr-registries': acr.host, 'api-token': 'true' }), TEST_LOOPBACK);
      expect(main.code).toBe(0);
      h.extraTokens.push(...acr.issued);
      expect(main.paths).toEqual([]);
      const config = readJson(path.join(main.outputs['docker-config'], 'config.json'));
      expect(config.auths[acr.host]).toEqual({ auth: basicAuth(ACR_USERNAME, acr.issued[0]) });
      expect(config.auths['cgr.dev']).toEqual({ auth: basicAuth('_token', main.outputs.token) });
      expect(config.credHelpers).toBeUndefined();
      expect(readJwt(main.outputs['api-token'])).toMatchObject({ aud: 'https://console-api.enforce.dev', sub: expect.any(String) });
      expect(main.stdout).toContain(`::add-mask::${main.outputs['api-token']}`);
      expect(main.stdout).toContain(`::add-mask::${acr.issued[0]}`);
      expect(await h.githubPost(job, main)).toMatchObject({ code: 0 });
    } finally {
      await acr.close();
    }
  });

  it('Azure task with credentialHelper false: static ACR login', async () => {
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
    try {
      const job = h.azureJob();
      const main = await h.azureMain(job, h.azureInputs({ acrRegistries: acr.host }), TEST_LOOPBACK);
      expect(main.result).toBe('Succeeded');
      h.extraTokens.push(...acr.issued);
      const config = readJson(path.join(main.variables.DOCKER_CONFIG, 'config.json'));
      expect(config.auths[acr.host]).toEqual({ auth: basicAuth(ACR_USERNAME, acr.issued[0]) });
      expect(main.outputs.apiToken).toBeUndefined();
      expect((await h.azurePost(job, main)).result).toBe('Succeeded');
    } finally {
      await acr.close();
    }
  });

  it('refuses acr-registries with a non-Azure source before any request', async () => {
    const tokenFile = path.join(h.dir, 'token');
    writeFileSync(
      tokenFile,
      makeJwt({ iss: 'https://kubernetes.example.test', sub: 'x', aud: 'issuer.enforce.dev', exp: Math.floor(Date.now() / 1000) + 600 })
    );
    const job = h.githubJob();
    const inputs = h.githubInputs({ 'identity-token-file': tokenFile, 'acr-registries': 'myregistry1.azurecr.io' });
    delete inputs['azure-audience'];
    const main = await h.githubMain(job, inputs);
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::Input acr-registries needs an Azure identity source: .*the identity source is token-file/);
    expect(h.emulators.sts.requests).toHaveLength(0);
    expect(h.emulators.imds.requests).toHaveLength(0);
  });
});

describe('a docker config shared by two jobs, through the credential helper', () => {
  it('names one helper for both jobs, each running its own; the last job out restores the original entries', async () => {
    const shared = path.join(h.dir, 'shared-docker');
    mkdirSync(shared);
    const original = {
      auths: { 'cgr.dev': { auth: basicAuth('user', 'own') } },
      credHelpers: { 'cgr.dev': 'desktop', 'gcr.io': 'gcloud' }
    };
    writeFileSync(path.join(shared, 'config.json'), JSON.stringify(original));
    const jobA = h.githubJob('a');
    const jobB = h.githubJob('b');
    const a = await h.githubMain(jobA, h.githubInputs({ 'credential-helper': 'true', 'docker-config': shared }));
    const b = await h.githubMain(jobB, h.githubInputs({ 'credential-helper': 'true', 'docker-config': shared }));
    expect([a.code, b.code]).toEqual([0, 0]);
    const merged = readJson(path.join(shared, 'config.json'));
    const name = merged.credHelpers['cgr.dev'];
    expect(name).toMatch(/^chainguard-[a-z0-9]{6}$/);
    expect(merged).toEqual({ ...original, credHelpers: { 'cgr.dev': name, 'gcr.io': 'gcloud' } });
    // Each job's PATH finds its own helper under that one name.
    expect(a.paths[0]).not.toBe(b.paths[0]);
    const fromA = await helperGet(a.paths[0], name, 'cgr.dev');
    const fromB = await helperGet(b.paths[0], name, 'cgr.dev');
    expect(fromA.answer?.Secret).toBe(a.outputs.token);
    expect(fromB.answer?.Secret).toBe(b.outputs.token);

    expect(await h.githubPost(jobA, a)).toMatchObject({ code: 0 });
    expect(readJson(path.join(shared, 'config.json')).credHelpers['cgr.dev']).toBe(name);
    expect((await helperGet(b.paths[0], name, 'cgr.dev')).answer?.Secret).toBe(b.outputs.token);
    expect(await h.githubPost(jobB, b)).toMatchObject({ code: 0 });
    expect(readJson(path.join(shared, 'config.json'))).toEqual(original);
    expect(existsSync(path.join(shared, 'config.json.chainguard-login.json'))).toBe(false);
  });
});

describe('the command-line tool through the credential helper', () => {
  it('exports PATH with the helper first and DOCKER_CONFIG; the API token only with --export-token; logout removes the helper', async () => {
    const home = path.join(h.dir, 'home');
    const temp = path.join(h.dir, 'temp');
    mkdirSync(home);
    mkdirSync(temp);
    const args = h.cliLogin(['--api-token', 'true']);
    const cli = await h.cli({ HOME: home, RUNNER_TEMP: temp }, [...args, '--credential-helper', 'true']);
    expect(cli.code).toBe(0);
    const pathLine = /^export PATH='([^']+)'"\$\{PATH:\+:\$PATH\}"$/m.exec(cli.stdout);
    expect(pathLine?.[1]).toMatch(/\/chainguard-login-[A-Za-z0-9]{6}\/chainguard-helper-[A-Za-z0-9]{6}\/bin$/);
    expect(cli.stdout).not.toMatch(/CHAINGUARD_(API_)?TOKEN=/);
    expect(cli.stderr).toMatch(/warning: the API token is exported as CHAINGUARD_API_TOKEN only with --export-token/);
    const dockerConfig = /^export DOCKER_CONFIG='([^']+)'$/m.exec(cli.stdout)?.[1] ?? '';
    const name = readJson(path.join(dockerConfig, 'config.json')).credHelpers['cgr.dev'];
    expect((await helperGet(pathLine![1], name, 'cgr.dev')).answer?.Username).toBe('_token');
    const state = /^export CHAINGUARD_LOGIN_STATE='([^']+)'$/m.exec(cli.stdout)?.[1] ?? '';
    const logout = await h.cli({ HOME: home, RUNNER_TEMP: temp, CHAINGUARD_LOGIN_STATE: state }, ['logout']);
    expect(logout.code).toBe(0);
    expect(existsSync(path.dirname(path.dirname(pathLine![1])))).toBe(false);
  });
});

describe('the helper refreshes through the source the step chose, with the secrets from its own environment', () => {
  /**
   * Resolves once less than 30 % of `token`'s lifetime is left: past half of it, counted from when
   * the helper obtained it (a moment after the STS issued it), the next get refreshes.
   */
  const untilDue = async (token: string): Promise<void> => {
    const { iat, exp } = readJwt(token)!;
    const due = (exp - 0.3 * (exp - iat)) * 1000;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  };
  const helperFiles = (bin: string) => {
    const dir = path.dirname(bin);
    return readFileSync(path.join(dir, 'helper.json'), 'utf8');
  };
  it('GitHub OIDC: asks through the runner library, keeping its mask command off the answer', async () => {
    const github = h.emulators.environments.github();
    const job = h.githubJob();
    const main = await h.githubMain(
      job,
      h.githubInputs({ identity: IDENTITY_GITHUB, 'azure-audience': '', 'credential-helper': 'true' }),
      github
    );
    expect(main.code).toBe(0);
    const bin = main.paths[0];
    expect(helperFiles(bin)).not.toContain(github.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    expect(helperFiles(bin)).toContain(github.ACTIONS_ID_TOKEN_REQUEST_URL);
    await untilDue(h.emulators.sts.issued[0]);
    const fresh = await helperGet(bin, helperNameIn(main.exported.DOCKER_CONFIG), 'cgr.dev', {
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    });
    expect(fresh.stderr).toBe('');
    expect(fresh.stdout).toBe(`${JSON.stringify({ ServerURL: 'cgr.dev', Username: '_token', Secret: h.emulators.sts.issued[1] })}\n`);
    expect(h.emulators.github.requests).toHaveLength(2);
    expect(h.emulators.sts.requests[1].headers.authorization).toBe(`Bearer ${h.emulators.github.issued[1]}`);
    // Without the request token (a step without id-token: write), one line says what is missing.
    await untilDue(h.emulators.sts.issued[1]);
    const without = await helperGet(bin, helperNameIn(main.exported.DOCKER_CONFIG), 'cgr.dev');
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(
      /^chainguard-azure-login credential helper: the identity source github the login step used is not available here: .*id-token: write.*\n$/
    );
    expect(await h.githubPost(job, main)).toMatchObject({ code: 0 });
  });

  it('App Service / Container Apps: the endpoint the step used, the identity header from the environment', async () => {
    const appService = h.emulators.environments.appService();
    const job = h.githubJob();
    const main = await h.githubMain(job, h.githubInputs({ identity: IDENTITY_APP_SERVICE, 'credential-helper': 'true' }), appService);
    expect(main.code).toBe(0);
    const bin = main.paths[0];
    expect(helperFiles(bin)).not.toContain(appService.IDENTITY_HEADER);
    await untilDue(h.emulators.sts.issued[0]);
    const fresh = await helperGet(bin, helperNameIn(main.exported.DOCKER_CONFIG), 'cgr.dev', {
      IDENTITY_HEADER: appService.IDENTITY_HEADER
    });
    expect(fresh.stderr).toBe('');
    expect(fresh.answer?.Secret).toBe(h.emulators.sts.issued[1]);
    expect(readJwt(h.emulators.sts.issued[1])?.sub).toBe(IDENTITY_APP_SERVICE);
    expect(h.emulators.appService.requests).toHaveLength(2);
    expect(await h.githubPost(job, main)).toMatchObject({ code: 0 });
  });

  it('Azure DevOps OIDC: needs SYSTEM_ACCESSTOKEN mapped into the step, and says so in one line', async () => {
    const job = h.azureJob();
    const main = await h.azureMain(job, h.azureInputs({ identity: IDENTITY_AZURE_DEVOPS, azureAudience: '', credentialHelper: 'true' }), {
      ...h.emulators.environments.azureDevOps(),
      ...TEST_LOOPBACK
    });
    expect(main.result).toBe('Succeeded');
    const bin = main.commands.find((c) => c.command === 'task.prependpath')?.message ?? '';
    expect(helperFiles(bin)).not.toContain(h.emulators.azureDevOps.accessToken);
    const name = helperNameIn(main.variables.DOCKER_CONFIG);
    await untilDue(h.emulators.sts.issued[0]);
    const unmapped = await helperGet(bin, name, 'cgr.dev');
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toBe(
      'chainguard-azure-login credential helper: SYSTEM_ACCESSTOKEN is not in the environment of this step, and a fresh Azure DevOps OIDC token needs it: map it in the step that runs docker, env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)\n'
    );
    const mapped = await helperGet(bin, name, 'cgr.dev', { SYSTEM_ACCESSTOKEN: h.emulators.azureDevOps.accessToken });
    expect(mapped.stderr).toBe('');
    expect(readJwt(mapped.answer!.Secret)?.sub).toBe(IDENTITY_AZURE_DEVOPS);
    expect((await h.azurePost(job, main)).result).toBe('Succeeded');
  });
});

/** `docker-credential-<name> get` for `host`, the wrapper found on `PATH` by the shell, as docker finds it. */
async function getThroughPath(pathDirs: readonly string[], name: string, host: string, env: NodeJS.ProcessEnv = {}) {
  const run = await runProgram('/bin/sh', ['-c', 'printf "%s\\n" "$1" | "docker-credential-$2" get', 'sh', host, name], '', {
    ...env,
    PATH: [...pathDirs, process.env.PATH].join(':')
  });
  return {
    ...run,
    answer: run.code === 0 ? (JSON.parse(run.stdout) as { ServerURL: string; Username: string; Secret: string }) : undefined
  };
}

describe('short-lived tokens, with no test-only margin setting', () => {
  beforeAll(() => {
    lifetime = 8;
  });
  afterAll(() => {
    lifetime = LIFETIME;
  });
  const test = problems.docker ? it.skip : it;
  test('8-second tokens: eight concurrent docker manifest inspect after expiry cause at most two exchanges, and all succeed', async () => {
    const { sts } = h.emulators;
    const gate = await startRegistryGate({ upstream: `http://${registry.host}`, upstreamCredentials: UPSTREAM, accept: stsTokens(sts) });
    try {
      const job = h.githubJob();
      const main = await h.githubMain(job, h.githubInputs({ registry: gate.host, 'credential-helper': 'true' }));
      expect(main.code).toBe(0);
      expect(main.stdout).not.toMatch(/::warning::/);
      const env: ClientEnv = { HOME: job.home, PATH: `${main.paths[0]}:${process.env.PATH}`, DOCKER_CONFIG: main.exported.DOCKER_CONFIG };
      const image = `${gate.host}/e2e/hello:latest`;
      for (let round = 0; round < 2; round++) {
        await waitUntilExpired(sts.issued[sts.issued.length - 1]);
        const before = sts.issued.length;
        const eight = await Promise.all(Array.from({ length: 8 }, () => pull('docker', image, env)));
        expect(failures(eight)).toEqual([]);
        expect(sts.issued.length - before).toBeGreaterThanOrEqual(1);
        expect(sts.issued.length - before).toBeLessThanOrEqual(2);
      }
      expect(gate.requests.filter((r) => r.verdict === 'expired' || r.verdict === 'unknown' || r.verdict === 'wrong-user')).toEqual([]);
      expect(await h.githubPost(job, main)).toMatchObject({ code: 0 });
    } finally {
      await gate.close();
    }
  }, 120_000);
});

describe('logout: false', () => {
  it('leaves a login that ends when its token expires: the helper does not renew it', async () => {
    const job = h.githubJob();
    const main = await h.githubMain(job, h.githubInputs({ 'credential-helper': 'true', logout: 'false' }));
    expect(main.code).toBe(0);
    expect(main.state).toEqual({});
    const name = readJson(path.join(main.exported.DOCKER_CONFIG, 'config.json')).credHelpers['cgr.dev'];
    expect((await helperGet(main.paths[0], name, 'cgr.dev')).answer?.Secret).toBe(main.outputs.token);
    await waitUntilExpired(h.emulators.sts.issued[0]);
    const expired = await helperGet(main.paths[0], name, 'cgr.dev');
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(
      /^chainguard-azure-login credential helper: the credential for cgr\.dev expired at \S+ and this login does not renew it: the login step ran with logout: false, .*Run the login step again/
    );
    expect(h.emulators.sts.issued).toHaveLength(1);
  });
});

describe('a runner temp directory with a double quote in its path', () => {
  it('logs in through the helper on Linux, with the sh wrapper only', async () => {
    const job = h.githubJob();
    const temp = path.join(job.dir, 'temp "quoted"');
    mkdirSync(temp);
    const main = await h.githubMain(job, h.githubInputs({ 'credential-helper': 'true' }), { RUNNER_TEMP: temp });
    expect(main.stdout).not.toMatch(/::error::/);
    expect(main.code).toBe(0);
    const name = readJson(path.join(main.exported.DOCKER_CONFIG, 'config.json')).credHelpers['cgr.dev'];
    expect(readdirSync(main.paths[0])).toEqual([`docker-credential-${name}`]);
    expect((await getThroughPath(main.paths, name, 'cgr.dev')).answer?.Secret).toBe(main.outputs.token);
    expect(await h.githubPost(job, main, { RUNNER_TEMP: temp })).toMatchObject({ code: 0 });
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('one shared docker config, more than one login', () => {
  const hostOf = (main: { outputs: Record<string, string> }) => readJwt(main.outputs.token)?.aud;

  it('two login steps in one job for two registries: each host resolves to the login that wrote it', async () => {
    const shared = path.join(h.dir, 'shared-docker');
    mkdirSync(shared);
    const job = h.githubJob();
    const first = await h.githubMain(job, h.githubInputs({ 'credential-helper': 'true', 'docker-config': shared, registry: 'cgr.dev' }));
    const second = await h.githubMain(
      job,
      h.githubInputs({ 'credential-helper': 'true', 'docker-config': shared, registry: 'second.example.test' })
    );
    expect([first.code, second.code]).toEqual([0, 0]);
    expect([hostOf(first), hostOf(second)]).toEqual(['cgr.dev', 'second.example.test']);
    const config = readJson(path.join(shared, 'config.json'));
    // The later step's directory comes first on PATH, as the runner orders GITHUB_PATH entries.
    const pathDirs = [...second.paths, ...first.paths];
    const one = await getThroughPath(pathDirs, config.credHelpers['cgr.dev'], 'cgr.dev');
    const two = await getThroughPath(pathDirs, config.credHelpers['second.example.test'], 'second.example.test');
    expect([one.stdout + one.stderr, two.stdout + two.stderr].map((text) => text.replace(/"Secret":"[^"]*"/, '"Secret":"…"'))).toEqual([
      `${JSON.stringify({ ServerURL: 'cgr.dev', Username: '_token', Secret: '…' })}\n`,
      `${JSON.stringify({ ServerURL: 'second.example.test', Username: '_token', Secret: '…' })}\n`
    ]);
    expect(one.answer?.Secret).toBe(first.outputs.token);
    expect(two.answer?.Secret).toBe(second.outputs.token);
    expect(await h.githubPost(job, second)).toMatchObject({ code: 0 });
    expect(await h.githubPost(job, first)).toMatchObject({ code: 0 });
    expect(existsSync(path.join(shared, 'config.json.chainguard-login.json'))).toBe(false);
  });

  it.each([
    ['a helper login, then a static one', 'true', 'false'],
    ['a static login, then a helper one', 'false', 'true']
  ])(
    'two jobs, %s, for the same host: the second is refused, naming the first job and what to change; the first keeps its own login',
    async (_, firstHelper, secondHelper) => {
      const shared = path.join(h.dir, 'shared-docker');
      mkdirSync(shared);
      const jobA = h.githubJob('a');
      const jobB = h.githubJob('b');
      const a = await h.githubMain(jobA, h.githubInputs({ 'credential-helper': firstHelper, 'docker-config': shared }));
      expect(a.code).toBe(0);
      const afterA = readFileSync(path.join(shared, 'config.json'), 'utf8');
      const b = await h.githubMain(jobB, h.githubInputs({ 'credential-helper': secondHelper, 'docker-config': shared }));
      expect(b.code).toBe(1);
      const jobDirA = JSON.parse(a.state.chainguardLoginState).jobDir as string;
      const errors = b.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(jobDirA);
      expect(errors[0]).toMatch(/credential-helper/);
      expect(errors[0]).toMatch(/separate docker-config/);
      // B wrote nothing: A's login is as A left it, and B's job directory is gone.
      expect(readFileSync(path.join(shared, 'config.json'), 'utf8')).toBe(afterA);
      expect(readdirSync(jobB.temp)).toEqual([]);
      if (firstHelper === 'true') {
        const name = readJson(path.join(shared, 'config.json')).credHelpers['cgr.dev'];
        expect((await getThroughPath(a.paths, name, 'cgr.dev')).answer?.Secret).toBe(a.outputs.token);
      } else {
        expect(readJson(path.join(shared, 'config.json')).auths['cgr.dev']).toEqual({ auth: basicAuth('_token', a.outputs.token) });
      }
      expect(await h.githubPost(jobA, a)).toMatchObject({ code: 0 });
      expect(existsSync(path.join(shared, 'config.json.chainguard-login.json'))).toBe(false);
    }
  );
});

describe('the post step while docker is still pulling', () => {
  beforeAll(() => {
    lifetime = 2;
  });
  afterAll(() => {
    lifetime = LIFETIME;
  });
  it('removes the job directory while helper gets refresh in a loop, and leaves no token behind', async () => {
    for (let round = 0; round < 6; round++) {
      const job = h.githubJob(`race-${round}`);
      const main = await h.githubMain(job, h.githubInputs({ 'credential-helper': 'true' }));
      expect(main.code).toBe(0);
      const dockerConfig = main.exported.DOCKER_CONFIG;
      const name = helperNameIn(dockerConfig);
      let stop = false;
      const worker = async () => {
        // Once the post step removed the wrapper, starting it fails (ENOENT): as for docker, that ends the loop.
        while (!stop)
          if (
            !(await helperGet(main.paths[0], name).then(
              () => true,
              () => false
            ))
          )
            break;
      };
      const workers = Array.from({ length: 4 }, worker);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const post = await h.githubPost(job, main);
      stop = true;
      await Promise.all(workers);
      expect(post.stdout).not.toMatch(/::warning::/);
      expect(post.code).toBe(0);
      expect(existsSync(dockerConfig)).toBe(false);
      expect(readdirSync(job.temp)).toEqual([]);
    }
    expect(h.emulators.sts.issued.length).toBeGreaterThan(6);
  }, 120_000);
});
