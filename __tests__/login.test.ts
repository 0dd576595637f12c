import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, IDENTITY_USER_A, readJwt, startEmulators, SYSTEM, USER_A } from '../emulators/index.mjs';
import { basicAuth } from '../src/core/docker-config.js';
import { send } from '../src/core/http.js';
import type { InputName } from '../src/core/inputs.js';
import { cleanup, runCleanup, STATE_KEY } from '../src/core/cleanup.js';
import { runLogin, type Runtime } from '../src/core/login.js';
import { FakeClock } from './helpers/clock.js';
import { FakePlatform } from './helpers/fake-platform.js';
import { removeTempDirs, tempDir } from './helpers/temp.js';

type Emulators = Awaited<ReturnType<typeof startEmulators>>;
let emulators: Emulators;
let home: string;
let runnerTemp: string;

beforeEach(async () => {
  emulators = await startEmulators();
  home = tempDir();
  runnerTemp = path.join(home, 'temp');
});
afterEach(async () => {
  await emulators.close();
});
afterAll(removeTempDirs);

function runtime(): Runtime {
  return { env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url }, clock: new FakeClock(), send, home, cwd: home };
}

function platform(inputs: Partial<Record<InputName, string>> = {}): FakePlatform {
  return new FakePlatform(
    { identity: IDENTITY_SYSTEM, 'azure-audience': AZURE_AUDIENCE, issuer: emulators.sts.url, ...inputs },
    runnerTemp
  );
}

function requestCount(): number {
  return emulators.imds.requests.length + emulators.sts.requests.length;
}

function leftovers(): string[] {
  return existsSync(runnerTemp) ? readdirSync(runnerTemp) : [];
}

describe('login', () => {
  it('logs in with the system-assigned identity: masks both tokens first, sets outputs, writes docker auth', async () => {
    const p = platform();
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([]);
    const azureToken = emulators.imds.issued[0];
    const chainguardToken = emulators.sts.issued[0];
    expect(readJwt(azureToken)?.sub).toBe(SYSTEM.objectId);

    // Each token is masked before any other event carries it, and no log line ever carries it.
    for (const token of [azureToken, chainguardToken]) {
      const first = p.events.findIndex((e) => JSON.stringify(e).includes(token));
      expect(p.events[first]).toEqual({ kind: 'secret', value: token });
      expect(p.lines().some((line) => line.includes(token))).toBe(false);
    }
    const outputs = p.outputs();
    expect(outputs).toEqual({
      token: chainguardToken,
      'expires-at': new Date(readJwt(chainguardToken)!.exp * 1000).toISOString().replace('.000Z', 'Z'),
      identity: IDENTITY_SYSTEM,
      'docker-config': p.exports().DOCKER_CONFIG
    });
    expect(p.events.find((e) => e.kind === 'output' && e.name === 'token')).toMatchObject({ secret: true });
    const config = JSON.parse(readFileSync(path.join(outputs['docker-config'], 'config.json'), 'utf8'));
    expect(config).toEqual({ auths: { 'cgr.dev': { auth: basicAuth('_token', chainguardToken) } } });
    expect(p.exports().REGISTRY_AUTH_FILE).toBe(path.join(outputs['docker-config'], 'containers-auth.json'));

    await cleanup(p);
    expect(existsSync(outputs['docker-config'])).toBe(false);
  });

  it('logs in with a user-assigned identity chosen by client ID', async () => {
    const p = platform({ identity: IDENTITY_USER_A, 'managed-identity-client-id': USER_A.clientId });
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([]);
    expect(emulators.imds.requests[0].url.searchParams.get('client_id')).toBe(USER_A.clientId);
    expect(readJwt(p.outputs().token)?.sub).toBe(IDENTITY_USER_A);
  });

  it('writes nothing to docker when docker-login is false, and saves no state when logout is false', async () => {
    const p = platform({ 'docker-login': 'false' });
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([]);
    expect(p.outputs()['docker-config']).toBe('');
    expect(p.exports()).toEqual({});
    expect(leftovers()).toEqual([]);

    const q = platform({ logout: 'false' });
    await runLogin(q, runtime());
    expect(q.state.size).toBe(0);
    expect(leftovers()).toHaveLength(1);
  });

  it('refuses invalid inputs before any request and writes nothing', async () => {
    const p = platform({ registry: 'https://cgr.dev/chainguard' });
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([expect.stringMatching(/^Input registry must not include a scheme/)]);
    expect(requestCount()).toBe(0);
    expect(p.outputs()).toEqual({});
    expect(leftovers()).toEqual([]);
  });

  it('leaves nothing behind when the exchange is refused', async () => {
    const p = platform({ identity: IDENTITY_USER_A }); // the system identity is not trusted by this one
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([expect.stringMatching(/Could not exchange the Azure token .*HTTP 403/)]);
    expect(p.outputs()).toEqual({});
    expect(p.exports()).toEqual({});
    expect(p.state.size).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  it('gives up when the timeout input expires, saying what it was waiting for', async () => {
    emulators.imds.script({ hang: true });
    const p = platform({ timeout: '1' });
    const started = Date.now();
    await runLogin(p, runtime());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(p.failures()).toEqual([
      expect.stringMatching(/^Timed out after 1 s \(timeout\) while waiting for an Azure token from IMDS \(http:\/\/127\.0\.0\.1:\d+\/metadata\/identity\/oauth2\/token\)/)
    ]);
    expect(leftovers()).toEqual([]);
  });

  it('cleans up nothing, quietly, when the main step saved no state', async () => {
    const p = platform();
    await runCleanup(p);
    expect(p.lines()).toEqual(['Nothing to clean up.']);
  });

  it('reports a failed cleanup as a warning', async () => {
    const p = platform();
    p.state.set(STATE_KEY, JSON.stringify({ version: 2, jobDir: '/etc', marker: 'x', registry: 'cgr.dev' }));
    await runCleanup(p);
    expect(p.events).toEqual([{ kind: 'warning', message: expect.stringMatching(/Could not remove the registry login: Refusing to clean up \/etc/) }]);
  });
});
