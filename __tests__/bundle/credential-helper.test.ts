/**
 * The built credential helper, run as docker runs it (a wrapper on PATH, the server URL on stdin)
 * against the IMDS, STS and ACR emulators, and under faults.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACR_USERNAME as ACR_USER, startAcr } from '../../emulators/acr.mjs';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, makeJwt, readJwt, startEmulators, TENANT } from '../../emulators/index.mjs';
import { removeHelper } from '../../src/core/credential-helper/install.js';
import type { HelperConfig } from '../../src/core/credential-helper/config.js';
import { readCached, writeCached } from '../../src/core/credential-helper/cache.js';
import { describeSource, helperConfigFor } from '../../src/core/credential-helper/refresh.js';
import { type LoginInputs } from '../../src/core/inputs/read.js';
import { installTestHelper, runHelper } from '../helpers/helper-process.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

const HOST = 'cgr.dev';
const mode = (file: string): number => statSync(file).mode & 0o777;
const inMinutes = (minutes: number): Date => new Date(Date.now() + minutes * 60_000);
const token = (label: string, expiresAt: Date): string => makeJwt({ label, exp: Math.floor(expiresAt.getTime() / 1000) });

let emulators: Awaited<ReturnType<typeof startEmulators>>;
beforeEach(async () => {
  emulators = await startEmulators();
});
afterEach(async () => {
  await emulators.close();
});

/** The configuration the login step would write for the emulators' IMDS and STS. */
function config(extra: Partial<HelperConfig> = {}): HelperConfig {
  const source = describeSource('imds', { azureResource: AZURE_AUDIENCE } as LoginInputs, {
    AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url
  });
  const login = helperConfigFor({ source, registry: HOST, issuer: emulators.sts.url, identity: IDENTITY_SYSTEM, audience: HOST });
  return { ...login, ...extra };
}

describe('the built helper, as docker runs it', () => {
  const secrets = (): string[] => [...emulators.imds.issued, ...emulators.sts.issued];
  const leaks = (text: string): string[] => secrets().filter((secret) => text.includes(secret));

  it('answers get from the seeded cache without any request', async () => {
    const seed = { [HOST]: { username: '_token', secret: token('seed', inMinutes(60)), expiresAt: inMinutes(60) } };
    const helper = installTestHelper(tempDir(), config(), seed);
    const run = await runHelper(helper, 'get', 'https://cgr.dev\n');
    expect(run).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ ServerURL: HOST, Username: '_token', Secret: seed[HOST].secret })}\n`,
      stderr: ''
    });
    expect(emulators.imds.requests).toHaveLength(0);
    expect(emulators.sts.requests).toHaveLength(0);
  });

  it('refreshes through IMDS and the STS when less than 5 minutes are left', async () => {
    const helper = installTestHelper(tempDir(), config());
    // An hour-long token obtained 56 minutes ago.
    writeCached(
      helper.dir,
      HOST,
      { username: '_token', secret: token('seed', inMinutes(4)), expiresAt: inMinutes(4) },
      Date.now() - 56 * 60_000
    );
    const run = await runHelper(helper, 'get', 'cgr.dev');
    expect(run.code).toBe(0);
    expect(emulators.sts.issued).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({ ServerURL: HOST, Username: '_token', Secret: emulators.sts.issued[0] });
    expect(emulators.imds.requests[0].url.searchParams.get('resource')).toBe(AZURE_AUDIENCE);
    expect(readCached(helper.dir, HOST)?.secret).toBe(emulators.sts.issued[0]);
    // The next get is a cache hit.
    const again = await runHelper(helper, 'get', 'cgr.dev');
    expect(JSON.parse(again.stdout).Secret).toBe(emulators.sts.issued[0]);
    expect(emulators.sts.issued).toHaveLength(1);
    expect(run.stderr + again.stderr).toBe('');
  });

  it('refreshes once for eight concurrent gets in eight processes', async () => {
    const helper = installTestHelper(tempDir(), config());
    const runs = await Promise.all(Array.from({ length: 8 }, () => runHelper(helper, 'get', 'cgr.dev')));
    expect(runs.map((r) => r.code)).toEqual(Array(8).fill(0));
    expect(emulators.sts.issued).toHaveLength(1);
    expect(emulators.imds.issued).toHaveLength(1);
    for (const run of runs) expect(JSON.parse(run.stdout).Secret).toBe(emulators.sts.issued[0]);
    expect(readdirSync(helper.dir).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('answers an unknown host as docker-credential-helpers do, and lists its hosts', async () => {
    const helper = installTestHelper(tempDir(), config());
    expect(await runHelper(helper, 'get', 'https://index.docker.io/v1/')).toEqual({
      code: 1,
      stdout: 'credentials not found in native keychain\n',
      stderr: ''
    });
    const list = await runHelper(helper, 'list');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({ [HOST]: '_token' });
    expect(emulators.sts.requests).toHaveLength(0);
  });

  it('accepts store and erase without changing anything', async () => {
    const seed = { [HOST]: { username: '_token', secret: token('seed', inMinutes(60)), expiresAt: inMinutes(60) } };
    const helper = installTestHelper(tempDir(), config(), seed);
    const before = readFileSync(path.join(helper.dir, 'cache-cgr.dev.json'), 'utf8');
    const store = await runHelper(helper, 'store', JSON.stringify({ ServerURL: HOST, Username: 'someone', Secret: 'their-password' }));
    const erase = await runHelper(helper, 'erase', HOST);
    expect([store.code, erase.code]).toEqual([0, 0]);
    expect(store.stdout + store.stderr + erase.stdout + erase.stderr).toBe('');
    expect(readFileSync(path.join(helper.dir, 'cache-cgr.dev.json'), 'utf8')).toBe(before);
    expect(readdirSync(helper.dir).sort()).toEqual(['bin', 'cache-cgr.dev.json', 'helper.json']);
  });

  it('reports a failed refresh in one line naming the call, never a token', async () => {
    const helper = installTestHelper(
      tempDir(),
      config({
        hosts: {
          [HOST]: {
            kind: 'chainguard',
            issuer: emulators.sts.url,
            identity: `${IDENTITY_SYSTEM.slice(0, 41)}aaaaaaaaaaaaaaaa`,
            audience: HOST
          }
        }
      })
    );
    const run = await runHelper(helper, 'get', 'cgr.dev');
    expect(run.code).toBe(1);
    expect(emulators.imds.issued).toHaveLength(1);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^chainguard-azure-login credential helper: could not refresh the credential for cgr\.dev: Could not exchange the Azure token at Chainguard's STS .*HTTP 403/
    );
    expect(run.stdout).toBe(run.stderr);
    expect(leaks(run.stdout + run.stderr)).toEqual([]);
    // No cache; the failure's message (shared with the gets that follow for a moment) and nothing else.
    expect(readdirSync(helper.dir).sort()).toEqual(['bin', 'failure-cgr.dev.json', 'helper.json']);
    expect(leaks(readFileSync(path.join(helper.dir, 'failure-cgr.dev.json'), 'utf8'))).toEqual([]);
  });

  it('says when the job directory is gone', async () => {
    const helper = installTestHelper(tempDir(), config());
    removeHelper(path.join(helper.dir, 'helper.json'));
    const run = await runHelper(helper, 'get', 'cgr.dev');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^chainguard-azure-login credential helper: cannot read its configuration .*helper\.json \(ENOENT\)/);
  });

  it('logs in to an ACR login server through the registry exchange', async () => {
    const acr = await startAcr({ azureTokens: emulators.imds, tenantId: TENANT });
    try {
      const helper = installTestHelper(tempDir(), config({ hosts: { [acr.host]: { kind: 'acr' } } }));
      const run = await runHelper(helper, 'get', `https://${acr.host}`);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ ServerURL: acr.host, Username: ACR_USER, Secret: acr.issued[0] });
      expect(emulators.imds.requests[0].url.searchParams.get('resource')).toBe('https://containerregistry.azure.net');
      expect(readJwt(acr.issued[0])!.exp - Date.now() / 1000).toBeGreaterThan(3 * 3600 - 60);
      expect(acr.accepts(ACR_USER, acr.issued[0])).toBe(true);
    } finally {
      await acr.close();
    }
  });
});

describe('the built helper under faults', () => {
  it('shares one failed refresh with the gets waiting on it: one STS attempt for six gets against a hanging STS, all failing with the same line within about one refresh timeout', async () => {
    const TIMEOUT = 3;
    emulators.sts.script(...Array.from({ length: 10 }, () => ({ hang: true })));
    const helper = installTestHelper(tempDir(), config({ timeoutSeconds: TIMEOUT }));
    const started = Date.now();
    const runs = await Promise.all(Array.from({ length: 6 }, () => runHelper(helper, 'get', 'cgr.dev', {}, 60_000)));
    const elapsed = Date.now() - started;
    expect(runs.map((r) => r.code)).toEqual(Array(6).fill(1));
    expect(emulators.sts.requests.length).toBe(1);
    const lines = new Set(runs.map((r) => r.stderr));
    expect([...lines]).toEqual([`chainguard-azure-login credential helper: the refresh for cgr.dev took longer than ${TIMEOUT} s\n`]);
    // One refresh timeout, and generous room for six processes starting on a busy machine.
    expect(elapsed).toBeLessThan(TIMEOUT * 1000 + 8_000);

    // Within the window after the failure, a get fails at once with the same line, without a new attempt.
    const again = await runHelper(helper, 'get', 'cgr.dev', {}, 60_000);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe([...lines][0]);
    expect(emulators.sts.requests.length).toBe(1);
    expect(emulators.imds.requests.length).toBe(1);

    // The failure record holds the message only, privately.
    const record = readdirSync(helper.dir).filter((f) => f.startsWith('failure-'));
    expect(record).toEqual(['failure-cgr.dev.json']);
    expect(mode(path.join(helper.dir, record[0]))).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(path.join(helper.dir, record[0]), 'utf8'))).sort()).toEqual(['at', 'host', 'message']);
  }, 90_000);

  it('tries again once the failure window has passed, and succeeds when the STS answers again', async () => {
    emulators.sts.script(
      { status: 503, body: { code: 14, message: 'Unavailable' } },
      { status: 503, body: { code: 14, message: 'Unavailable' } },
      { status: 503, body: { code: 14, message: 'Unavailable' } }
    );
    const helper = installTestHelper(tempDir(), config({ timeoutSeconds: 5 }));
    const failed = await runHelper(helper, 'get', 'cgr.dev', {}, 30_000);
    expect(failed.code).toBe(1);
    const attempts = emulators.sts.requests.length;
    expect((await runHelper(helper, 'get', 'cgr.dev', {}, 30_000)).code).toBe(1);
    expect(emulators.sts.requests.length).toBe(attempts);
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const later = await runHelper(helper, 'get', 'cgr.dev', {}, 30_000);
    expect(later.stderr).toBe('');
    expect(JSON.parse(later.stdout).Secret).toBe(emulators.sts.issued[0]);
    expect(readdirSync(helper.dir).filter((f) => f.startsWith('failure-'))).toEqual([]);
  }, 60_000);

  it('prints *** for the App Service identity header an endpoint echoes in its error', async () => {
    const header = emulators.appService.identityHeader;
    emulators.appService.script({
      status: 400,
      body: { statusCode: 400, message: `Bad request: header X-IDENTITY-HEADER=${header} does not match resource ${AZURE_AUDIENCE}` }
    });
    const source = describeSource('app-service', { azureResource: AZURE_AUDIENCE } as LoginInputs, {
      IDENTITY_ENDPOINT: emulators.appService.endpoint
    });
    const helper = installTestHelper(
      tempDir(),
      helperConfigFor({ source, registry: HOST, issuer: emulators.sts.url, identity: IDENTITY_SYSTEM, audience: HOST })
    );
    const run = await runHelper(helper, 'get', 'cgr.dev', { IDENTITY_HEADER: header }, 30_000);
    expect(run.code).toBe(1);
    expect(emulators.appService.requests[0].headers['x-identity-header']).toBe(header);
    expect(run.stderr).toMatch(
      /^chainguard-azure-login credential helper: could not refresh the credential for cgr\.dev: .*X-IDENTITY-HEADER=(\*\*\*|\[redacted\]) does not match/
    );
    expect(run.stdout + run.stderr).not.toContain(header);
    expect(
      readdirSync(helper.dir)
        .filter((f) => f.startsWith('failure-'))
        .map((f) => readFileSync(path.join(helper.dir, f), 'utf8'))
        .join('')
    ).not.toContain(header);
  });

  it('prints *** for the Azure DevOps access token an endpoint echoes in its error', async () => {
    const accessToken = emulators.azureDevOps.accessToken;
    emulators.azureDevOps.script({
      status: 400,
      body: { $id: '1', message: `The request with Authorization: Bearer ${accessToken} is not valid here.`, errorCode: 0 }
    });
    // The emulator listens on loopback: accepted only under the test-only setting, which the helper keeps from the step's environment.
    const source = describeSource('azure-devops', {} as LoginInputs, {
      SYSTEM_OIDCREQUESTURI: emulators.azureDevOps.requestUri,
      CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1'
    });
    const helper = installTestHelper(
      tempDir(),
      helperConfigFor({ source, registry: HOST, issuer: emulators.sts.url, identity: IDENTITY_SYSTEM, audience: HOST })
    );
    const run = await runHelper(helper, 'get', 'cgr.dev', { SYSTEM_ACCESSTOKEN: accessToken }, 30_000);
    expect(run.code).toBe(1);
    expect(emulators.azureDevOps.requests).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^chainguard-azure-login credential helper: could not refresh the credential for cgr\.dev: .*Bearer (\*\*\*|\[redacted\]) is not valid here/
    );
    expect(run.stdout + run.stderr).not.toContain(accessToken);
  });

  it('treats a FIFO at its cache path as no cache: refreshes at once and replaces it with the new cache', async () => {
    const helper = installTestHelper(tempDir(), config());
    const cache = path.join(helper.dir, 'cache-cgr.dev.json');
    execFileSync('mkfifo', ['-m', '600', cache]);
    const run = await runHelper(helper, 'get', 'cgr.dev', {}, 20_000);
    expect(run.killed).toBe(false);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).Secret).toBe(emulators.sts.issued[0]);
    expect(statSync(cache).isFile()).toBe(true);
    expect(mode(cache)).toBe(0o600);
  });

  it('refuses a FIFO in place of its configuration at once, in one line', async () => {
    const helper = installTestHelper(tempDir(), config());
    const configFile = path.join(helper.dir, 'helper.json');
    rmSync(configFile);
    execFileSync('mkfifo', ['-m', '600', configFile]);
    for (const command of ['get', 'list']) {
      const run = await runHelper(helper, command, 'cgr.dev', {}, 20_000);
      expect(run.killed).toBe(false);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `chainguard-azure-login credential helper: its configuration ${configFile} is not a regular file; the login step writes it and the end of the job removes it: run the login step again in this job\n`
      );
    }
    expect(emulators.sts.requests).toHaveLength(0);
  });
});
